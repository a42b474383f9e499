-- The betting table (table module): leadership's cycles, each team's capacity in them, the bets pitched to a cycle
-- and where leadership placed them, and the two leadership signatures that close a cycle's table.
create table cycle (
    id         uuid primary key,
    name       varchar(200) not null unique,
    starts_on  date         not null,
    ends_on    date         not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    -- set when the second leadership signature closes the table
    closed_at  timestamptz,
    check (ends_on > starts_on)
);

-- A team's capacity in a cycle, in person-weeks; raised only with a reason, recorded as a TABLE decision.
create table cycle_capacity (
    cycle_id     uuid         not null references cycle (id),
    team         varchar(100) not null,
    person_weeks numeric(7, 1) not null check (person_weeks > 0),
    primary key (cycle_id, team)
);

-- A bet pitched to a cycle with its appetite; PLACED at a position on the table, or not placed and why: GAVE_WAY
-- (removed to make room), MOVED (to a later cycle, where it is pitched again), NOT_PLACED (the table closed without it).
create table pitch (
    id             uuid primary key,
    bet_id         uuid          not null references bet (id),
    cycle_id       uuid          not null references cycle (id),
    team           varchar(100)  not null,
    appetite_weeks numeric(6, 1) not null check (appetite_weeks > 0),
    pitched_by     varchar(100)  not null,
    pitched_at     timestamptz   not null,
    status         varchar(20)   not null,
    position       int,
    placed_by      varchar(100),
    placed_at      timestamptz,
    reason         varchar(2000),
    unique (bet_id, cycle_id)
);
create index pitch_cycle_idx on pitch (cycle_id, status, position);

-- Who signed a cycle's table: two different leadership people close it. History: never changed, never deleted.
create table cycle_signature (
    cycle_id  uuid         not null references cycle (id),
    signer_id varchar(100) not null,
    signed_at timestamptz  not null,
    primary key (cycle_id, signer_id)
);
create trigger cycle_signature_append_only
    before update or delete on cycle_signature
    for each row execute function refuse_history_change();
create trigger cycle_signature_no_truncate
    before truncate on cycle_signature
    for each statement execute function refuse_history_change();
