-- A sign-off that waited past the stall threshold: recorded by its BPMN stall timer. Append-only.
create table task_escalation (
    id            uuid primary key,
    bet_id        uuid         not null references bet (id),
    task_id       varchar(64)  not null,
    step          varchar(100) not null,
    gate          varchar(30)  not null,
    role          varchar(20)  not null,
    assignee      varchar(100),
    waiting_since timestamptz  not null,
    escalated_at  timestamptz  not null
);
create index task_escalation_bet_idx on task_escalation (bet_id, escalated_at);
create trigger task_escalation_append_only before update or delete on task_escalation
    for each row execute function refuse_history_change();
