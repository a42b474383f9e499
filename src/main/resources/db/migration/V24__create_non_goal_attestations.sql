-- At the outcome review each side attests, per non-goal of the bet's brief, whether it held; a breached one carries a
-- note and counts on the scorecard as scope creep (outcome/NonGoalAttestations). History: never changed, never deleted.
create table non_goal_attestation (
    id          uuid primary key,
    bet_id      uuid          not null references bet (id),
    round_id    uuid          not null,
    role        varchar(20)   not null,
    signer_id   varchar(100)  not null,
    position    int           not null,
    non_goal    varchar(2000) not null,
    held        boolean       not null,
    note        varchar(2000),
    attested_at timestamptz   not null,
    unique (round_id, role, position)
);
create index non_goal_attestation_bet_idx on non_goal_attestation (bet_id, round_id);
create trigger non_goal_attestation_append_only
    before update or delete on non_goal_attestation
    for each row execute function refuse_history_change();
create trigger non_goal_attestation_no_truncate
    before truncate on non_goal_attestation
    for each statement execute function refuse_history_change();
