-- Integrations holding the integration-metrics scope append readings of a bet's success metrics (outcome module). A
-- reading is history: the database refuses to change it. clientKey makes a retried call store it once.
alter table person add column integration_metrics boolean not null default false;

create table metric_reading (
    id          uuid primary key,
    bet_id      uuid          not null references bet (id),
    metric      varchar(200)  not null,
    value       double precision not null,
    measured_at timestamptz   not null,
    source      varchar(200)  not null,
    client_key  varchar(200)  not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamptz   not null,
    unique (bet_id, client_key)
);
create index metric_reading_latest_idx on metric_reading (bet_id, metric, measured_at desc);

create trigger metric_reading_append_only
    before update or delete on metric_reading
    for each row execute function refuse_history_change();
create trigger metric_reading_no_truncate
    before truncate on metric_reading
    for each statement execute function refuse_history_change();
