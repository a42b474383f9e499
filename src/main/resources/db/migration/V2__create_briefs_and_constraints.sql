-- Problem briefs are kept as append-only revisions; the latest revision is the brief.
create table brief_revision (
    id           uuid primary key,
    bet_id       uuid         not null references bet (id),
    revision     int          not null,
    content      jsonb        not null,
    content_hash varchar(64)  not null,
    author_id    varchar(100) not null,
    author_name  varchar(200) not null,
    created_at   timestamptz  not null,
    unique (bet_id, revision)
);

create table technical_constraint (
    id          uuid primary key,
    bet_id      uuid         not null references bet (id),
    title       varchar(200) not null,
    description text         not null,
    severity    varchar(20)  not null,
    author_id   varchar(100) not null,
    author_name varchar(200) not null,
    created_at  timestamptz  not null
);
create index technical_constraint_bet_idx on technical_constraint (bet_id, created_at);

create table constraint_acknowledgement (
    id                  uuid primary key,
    constraint_id       uuid         not null references technical_constraint (id),
    bet_id              uuid         not null references bet (id),
    acknowledged_by     varchar(100) not null,
    acknowledged_by_name varchar(200) not null,
    response            varchar(2000),
    created_at          timestamptz  not null
);
create index constraint_acknowledgement_constraint_idx on constraint_acknowledgement (constraint_id);
create index constraint_acknowledgement_bet_idx on constraint_acknowledgement (bet_id);
