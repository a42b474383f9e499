-- What product measured at the outcome review: actual values per success metric and learnings.
create table outcome_report (
    id          uuid primary key,
    bet_id      uuid         not null references bet (id),
    actuals     jsonb        not null,
    learnings   text         not null,
    recorded_by varchar(100) not null,
    recorded_at timestamptz  not null
);
create index outcome_report_bet_idx on outcome_report (bet_id, recorded_at);
