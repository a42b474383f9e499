-- Endpoints that admins register to be told of changes (webhook module), and the outbox of what each is to be sent:
-- a delivery is written in the change's own transaction, then sent, retried with backoff, and parked after its last
-- attempt. A delivery row is locked while it is sent, so two instances never send it at once.
create table webhook (
    id         uuid primary key,
    url        varchar(2000) not null,
    kinds      varchar(1000),
    team       varchar(100),
    secret     varchar(200)  not null,
    enabled    boolean       not null,
    created_by varchar(100)  not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null
);

create table webhook_delivery (
    id              uuid primary key,
    webhook_id      uuid         not null references webhook (id),
    activity_id     bigint       not null,
    kind            varchar(40)  not null,
    payload         text         not null,
    status          varchar(20)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      varchar(500),
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    unique (webhook_id, activity_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (webhook_id, created_at desc, id);
