-- A sign-off names the brief revision (content hash) it approved.
alter table sign_off add column brief_hash varchar(64);

-- The committed scope, from the chosen option; scope changes during delivery replace it.
alter table bet add column scope_summary text;

-- Delivery status updates: append-only.
create table status_update (
    id          uuid primary key,
    bet_id      uuid         not null references bet (id),
    status      varchar(20)  not null,
    text        varchar(2000) not null,
    author_id   varchar(100) not null,
    author_name varchar(200) not null,
    created_at  timestamptz  not null
);
create index status_update_bet_idx on status_update (bet_id, created_at);
create trigger status_update_append_only before update or delete on status_update
    for each row execute function refuse_history_change();

-- A proposed change to a committed bet's scope or window; both sides sign it at a CHANGE or ESCALATION gate.
create table change_request (
    id            uuid primary key,
    bet_id        uuid         not null references bet (id),
    kind          varchar(20)  not null,
    new_window    date,
    new_scope     text,
    scope_cut     boolean      not null,
    customer_harm text,
    rationale     varchar(2000) not null,
    requested_by  varchar(100) not null,
    requested_at  timestamptz  not null
);
create index change_request_bet_idx on change_request (bet_id, requested_at);
create trigger change_request_append_only before update or delete on change_request
    for each row execute function refuse_history_change();
