-- The people Tandem knows: everyone recorded when they signed in, and, with a directory, everyone it lists with a
-- Tandem role. A bet's leads are checked against it. One flag per role, so a page of one role's people is one index.
create table person (
    id            varchar(100) primary key,
    display_name  varchar(200) not null,
    email         varchar(320),
    product       boolean      not null default false,
    engineering   boolean      not null default false,
    leadership    boolean      not null default false,
    integration   boolean      not null default false,
    admin         boolean      not null default false,
    -- when their roles were last recorded, from a sign-in or the directory
    recorded_at   timestamptz  not null,
    -- when the directory last listed them; null for people it never listed
    listed_at     timestamptz
);
create index person_name_idx on person (display_name, id);
