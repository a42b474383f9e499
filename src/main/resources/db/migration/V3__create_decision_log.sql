-- Options proposed for commitment; each proposeOptions call is a new numbered proposal.
create table bet_option (
    id            uuid primary key,
    bet_id        uuid         not null references bet (id),
    proposal      int          not null,
    position      int          not null,
    label         varchar(200) not null,
    scope_summary text         not null,
    window_date   date         not null,
    gains         text         not null,
    gives_up      text         not null,
    risk          text,
    proposed_by   varchar(100) not null,
    created_at    timestamptz  not null,
    unique (bet_id, proposal, position)
);

-- One row per person per gate round. The unique keys are the "one approval per role, two
-- different people" rule, enforced again by the database.
create table sign_off (
    id          uuid primary key,
    bet_id      uuid         not null references bet (id),
    round_id    uuid         not null,
    gate        varchar(20)  not null,
    role        varchar(20)  not null,
    signer_id   varchar(100) not null,
    signer_name varchar(200) not null,
    answer      varchar(20)  not null,
    choice      varchar(100),
    reason      varchar(2000),
    signed_at   timestamptz  not null,
    unique (round_id, role),
    unique (round_id, signer_id)
);
create index sign_off_bet_idx on sign_off (bet_id, signed_at);

create table decision (
    id                 uuid primary key,
    bet_id             uuid         not null references bet (id),
    sequence           int          not null,
    kind               varchar(30)  not null,
    gate               varchar(20),
    context            text         not null,
    options_considered jsonb        not null,
    chosen_option      varchar(200),
    rationale          text,
    signers            jsonb        not null,
    supersedes_id      uuid references decision (id),
    recorded_at        timestamptz  not null,
    previous_hash      varchar(64),
    hash               varchar(64)  not null,
    unique (bet_id, sequence)
);

-- History is never rewritten: the database itself refuses UPDATE, DELETE and TRUNCATE.
create function refuse_history_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'Record a new entry that supersedes the old one.';
end;
$$;

create trigger decision_append_only before update or delete on decision
    for each row execute function refuse_history_change();
create trigger decision_no_truncate before truncate on decision
    for each statement execute function refuse_history_change();
create trigger sign_off_append_only before update or delete on sign_off
    for each row execute function refuse_history_change();
create trigger sign_off_no_truncate before truncate on sign_off
    for each statement execute function refuse_history_change();
create trigger brief_revision_append_only before update or delete on brief_revision
    for each row execute function refuse_history_change();
create trigger brief_revision_no_truncate before truncate on brief_revision
    for each statement execute function refuse_history_change();
