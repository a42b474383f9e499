-- Comments on a bet: shared context from product, engineering and leadership, at any stage (also once the
-- bet is closed). Append-only like the decision log: nobody edits or deletes a comment, and the database
-- refuses UPDATE, DELETE and TRUNCATE.
create table bet_comment (
    id          uuid primary key,
    bet_id      uuid          not null references bet (id),
    author_id   varchar(100)  not null,
    author_name varchar(200)  not null,
    body        varchar(5000) not null check (body <> ''),
    reply_to_id uuid,
    created_at  timestamptz   not null,
    -- the target of the composite key below: a reply answers a comment of the same bet
    unique (bet_id, id),
    foreign key (bet_id, reply_to_id) references bet_comment (bet_id, id)
);
-- Bet.comments reads pages oldest first, keyset-paginated on (created_at, id).
create index bet_comment_page_idx on bet_comment (bet_id, created_at, id);

create trigger bet_comment_append_only before update or delete on bet_comment
    for each row execute function refuse_history_change();
create trigger bet_comment_no_truncate before truncate on bet_comment
    for each statement execute function refuse_history_change();
