-- The Bet aggregate. Stage and outcome follow the bet-lifecycle process (business key = id).
create sequence bet_key_seq;

create table bet (
    id                 uuid primary key,
    key                varchar(20)  not null unique,
    title              varchar(200) not null,
    stage              varchar(20)  not null,
    outcome            varchar(20),
    uncertainty        varchar(10)  not null,
    product_lead       varchar(100),
    engineering_lead   varchar(100),
    spike_question     varchar(2000),
    spike_timebox      varchar(40),
    spike_findings     text,
    measurement_period varchar(40)  not null,
    window_date        date,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    closed_at          timestamptz,
    version            bigint       not null
);

-- keyset pagination: every ordering ends in the id so cursors are unique
create index bet_created_at_idx on bet (created_at, id);
create index bet_updated_at_idx on bet (updated_at, id);
create index bet_title_idx on bet (title, id);
create index bet_stage_created_at_idx on bet (stage, created_at, id);
