-- A reassignment of a side's lead that waits for its second person: asked by the other side's lead or by an admin,
-- applied when the other of the two confirms it. One per side of a bet at a time.
create table lead_reassignment (
    id           uuid primary key,
    bet_id       uuid          not null references bet (id),
    side         varchar(20)   not null,
    to_user      varchar(100)  not null,
    asked_by     varchar(100)  not null,
    asked_by_name varchar(200) not null,
    asked_as     varchar(20)   not null,
    reason       varchar(2000) not null,
    asked_at     timestamptz   not null,
    unique (bet_id, side)
);
