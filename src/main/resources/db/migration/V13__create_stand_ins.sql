-- A stand-in signs one side of a bet for its lead during a period. offered_at and withdrawn_at record when the side's
-- open sign-offs were offered to them and taken back (stewardship/StandInSchedule keeps the engine in step).
create table stand_in (
    id           uuid primary key,
    bet_id       uuid         not null references bet (id),
    side         varchar(20)  not null,
    lead         varchar(100) not null,
    stand_in     varchar(100) not null,
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    revoked_at   timestamptz,
    named_at     timestamptz  not null,
    offered_at   timestamptz,
    withdrawn_at timestamptz,
    check (stand_in <> lead),
    check (ends_at > starts_at)
);
create index stand_in_bet_idx on stand_in (bet_id, side);
create index stand_in_pending_idx on stand_in (starts_at, ends_at) where withdrawn_at is null;

-- The lead a stand-in signed for. Two different people per gate round holds for whom they act: a stand-in and the
-- lead they stand in for are one person here.
alter table sign_off add column acting_for varchar(100);
create unique index sign_off_round_person_idx on sign_off (round_id, (coalesce(acting_for, signer_id)));
