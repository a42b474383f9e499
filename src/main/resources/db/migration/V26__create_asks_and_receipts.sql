-- Leadership's asks of a committed bet, and the receipts of what they cost (ask/Asks). An ask opens the OPTIONS gate:
-- engineering states the options and what each gives up, product and engineering sign one, the asking leader co-signs
-- it; the chosen option's cost becomes a receipt on the leader's name, which both sides settle at the outcome review.
create table ask (
    id          uuid primary key,
    bet_id      uuid          not null references bet (id),
    asked_by    varchar(100)  not null,
    kind        varchar(20)   not null check (kind in ('EARLIER_WINDOW', 'MORE_SCOPE', 'NEW_PRIORITY')),
    request     varchar(2000) not null,
    window_date date,
    asked_at    timestamptz   not null,
    state       varchar(10)   not null default 'OPEN' check (state in ('OPEN', 'ACCEPTED', 'DECLINED', 'LAPSED')),
    answered_at timestamptz,
    check ((state = 'OPEN') = (answered_at is null))
);
-- One ask waits on a bet at a time.
create unique index ask_one_open_per_bet on ask (bet_id) where state = 'OPEN';
create index ask_bet_idx on ask (bet_id, asked_at);
create index ask_asker_idx on ask (asked_by, asked_at);

-- The options engineering stated for an ask. History: never changed, never deleted.
create table ask_option (
    id          uuid primary key,
    ask_id      uuid          not null references ask (id),
    position    int           not null,
    summary     varchar(2000) not null,
    gives_up    varchar(2000) not null,
    new_window  date,
    new_scope   text,
    stated_by   varchar(100)  not null,
    stated_at   timestamptz   not null,
    unique (ask_id, position)
);
create trigger ask_option_append_only
    before update or delete on ask_option
    for each row execute function refuse_history_change();
create trigger ask_option_no_truncate
    before truncate on ask_option
    for each statement execute function refuse_history_change();

-- The cost a leader took on when they co-signed an option: what was given up, in the team's words, and any window
-- move or scope change. History: never changed, never deleted.
create table receipt (
    id           uuid primary key,
    ask_id       uuid          not null unique references ask (id),
    bet_id       uuid          not null references bet (id),
    leader_id    varchar(100)  not null,
    option_id    uuid          not null references ask_option (id),
    gives_up     varchar(2000) not null,
    window_from  date,
    window_to    date,
    scope_from   text,
    scope_to     text,
    issued_at    timestamptz   not null
);
create index receipt_bet_idx on receipt (bet_id);
create index receipt_leader_idx on receipt (leader_id);
create trigger receipt_append_only
    before update or delete on receipt
    for each row execute function refuse_history_change();
create trigger receipt_no_truncate
    before truncate on receipt
    for each statement execute function refuse_history_change();

-- At the outcome review each side says, per receipt of the bet, whether its cost was paid as stated, more or less.
-- History: never changed, never deleted.
create table receipt_settlement (
    id          uuid primary key,
    receipt_id  uuid          not null references receipt (id),
    bet_id      uuid          not null references bet (id),
    round_id    uuid          not null,
    role        varchar(20)   not null,
    signer_id   varchar(100)  not null,
    paid        varchar(10)   not null check (paid in ('AS_STATED', 'MORE', 'LESS')),
    note        varchar(2000),
    settled_at  timestamptz   not null,
    unique (round_id, role, receipt_id)
);
create index receipt_settlement_receipt_idx on receipt_settlement (receipt_id, round_id);
create trigger receipt_settlement_append_only
    before update or delete on receipt_settlement
    for each row execute function refuse_history_change();
create trigger receipt_settlement_no_truncate
    before truncate on receipt_settlement
    for each statement execute function refuse_history_change();
