-- Every change a reader of a bet can see, one row each, written in the transaction that made the change (activity
-- module). tx is that transaction's id: the feed reads rows in (tx, id) order and only rows of transactions older
-- than every transaction still running, so a reader never skips a row that commits late. Rows older than the
-- retention period are deleted (ActivityRetention); nothing else changes them.
create table activity (
    id           bigint generated always as identity primary key,
    tx           xid8         not null default pg_current_xact_id(),
    bet_id       uuid         not null,
    team         varchar(100),
    kind         varchar(40)  not null,
    actor_id     varchar(100),
    actor_name   varchar(200),
    subject_type varchar(40),
    subject_id   uuid,
    summary      varchar(500),
    at           timestamptz  not null
);
create index activity_order_idx on activity (tx, id);
create index activity_bet_idx on activity (bet_id, tx, id);
create index activity_at_idx on activity (at);
