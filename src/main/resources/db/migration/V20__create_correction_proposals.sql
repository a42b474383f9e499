-- A correction of a decision-log entry that both sides signed waits at the CORRECTION gate until the other side signs
-- it (decision/CorrectionService, lifecycle/GateRules): what it would record is kept here, the gate's sign-offs name it
-- (sign_off.choice), and the CORRECTION or CORRECTION_REJECTED entry that answers it names it too (chosen_option).
-- A proposal is history: the database refuses to change it.
create table correction_proposal (
    id             uuid primary key,
    bet_id         uuid          not null references bet (id),
    supersedes_id  uuid          not null references decision (id),
    rationale      varchar(2000) not null,
    proposed_by    varchar(100)  not null,
    proposer_name  varchar(200)  not null,
    side           varchar(20)   not null,
    proposed_at    timestamptz   not null
);
create index correction_proposal_bet_idx on correction_proposal (bet_id, proposed_at);

create trigger correction_proposal_append_only
    before update or delete on correction_proposal
    for each row execute function refuse_history_change();
create trigger correction_proposal_no_truncate
    before truncate on correction_proposal
    for each statement execute function refuse_history_change();
