-- Every decision entry's hash, in the order the log grew (the writing transaction's id, then insertion order), written
-- by a trigger in the entry's own transaction. Signed checkpoints (log_checkpoint) are Merkle roots over a prefix of
-- these leaves; a client that keeps a checkpoint can later prove that the log still extends it, and a rewrite of a
-- chain is named at its first changed entry (checkpoint/).
create table decision_leaf (
    position bigserial primary key,
    tx xid8 not null default pg_current_xact_id(),
    bet_id uuid not null,
    sequence int not null,
    hash text not null,
    unique (bet_id, sequence)
);
create index decision_leaf_order on decision_leaf (tx, position);

-- Entries logged before checkpoints existed come first, in the order they were recorded.
insert into decision_leaf (tx, bet_id, sequence, hash)
select '1'::xid8, bet_id, sequence, hash from decision order by recorded_at, bet_id, sequence;

create function decision_leaf_add() returns trigger language plpgsql as $$
begin
    insert into decision_leaf (bet_id, sequence, hash) values (new.bet_id, new.sequence, new.hash);
    return new;
end
$$;
create trigger decision_leaf_add after insert on decision for each row execute function decision_leaf_add();

create trigger decision_leaf_append_only before update or delete on decision_leaf
    for each row execute function refuse_history_change();
create trigger decision_leaf_no_truncate before truncate on decision_leaf
    for each statement execute function refuse_history_change();

-- One signed checkpoint per interval, whichever replica writes it first (period is the interval's number).
create table log_checkpoint (
    id uuid primary key,
    period bigint not null unique,
    at timestamptz not null,
    size bigint not null,
    root text not null,
    signature text not null
);
create trigger log_checkpoint_append_only before update or delete on log_checkpoint
    for each row execute function refuse_history_change();
create trigger log_checkpoint_no_truncate before truncate on log_checkpoint
    for each statement execute function refuse_history_change();
