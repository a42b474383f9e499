-- A person's personal data (display name, e-mail) lives in their person row and in copies beside the history that
-- names them; the decision log's hashes name people by a pseudonym instead (decision/DecisionHash, hash version 2),
-- so an admin can erase a person's personal data and every chain still verifies (people/Erasures).
alter table person add column pseudonym uuid not null default gen_random_uuid();
alter table person add constraint person_pseudonym_key unique (pseudonym);
alter table person add column erased_at timestamptz;

-- What an erasure leaves where a name was: one definition, read by the application too.
create function erased_name() returns text
    language sql immutable as
$$ select 'Erased person'::text $$;

-- Who was erased, by whom, why and when. History: never changed, never deleted.
create table person_erasure (
    id         uuid primary key,
    person_id  varchar(100)  not null unique references person (id),
    pseudonym  uuid          not null,
    erased_by  varchar(100)  not null,
    reason     varchar(2000) not null,
    erased_at  timestamptz   not null
);
create trigger person_erasure_append_only
    before update or delete on person_erasure
    for each row execute function refuse_history_change();
create trigger person_erasure_no_truncate
    before truncate on person_erasure
    for each statement execute function refuse_history_change();

-- History that copies a person's name refuses every update but one: an erased person's name (column tg_argv[1])
-- becoming erased_name(), every other column unchanged, on a row whose person (column tg_argv[0]) has an erasure.
create function refuse_history_change_except_erasure() returns trigger
    language plpgsql as
$$
declare
    person_column text := tg_argv[0];
    name_column   text := tg_argv[1];
begin
    if (to_jsonb(new) - name_column) = (to_jsonb(old) - name_column)
        and to_jsonb(new) ->> name_column = erased_name()
        and to_jsonb(old) ->> name_column is distinct from erased_name()
        and exists (select 1 from person_erasure e where e.person_id = to_jsonb(old) ->> person_column) then
        return new;
    end if;
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'Record a new entry that supersedes the old one; only an erasure blanks a name.';
end;
$$;

drop trigger sign_off_append_only on sign_off;
create trigger sign_off_append_only before delete on sign_off
    for each row execute function refuse_history_change();
create trigger sign_off_erasure_only before update on sign_off
    for each row execute function refuse_history_change_except_erasure('signer_id', 'signer_name');

drop trigger brief_revision_append_only on brief_revision;
create trigger brief_revision_append_only before delete on brief_revision
    for each row execute function refuse_history_change();
create trigger brief_revision_erasure_only before update on brief_revision
    for each row execute function refuse_history_change_except_erasure('author_id', 'author_name');

drop trigger status_update_append_only on status_update;
create trigger status_update_append_only before delete on status_update
    for each row execute function refuse_history_change();
create trigger status_update_erasure_only before update on status_update
    for each row execute function refuse_history_change_except_erasure('author_id', 'author_name');

drop trigger bet_comment_append_only on bet_comment;
create trigger bet_comment_append_only before delete on bet_comment
    for each row execute function refuse_history_change();
create trigger bet_comment_erasure_only before update on bet_comment
    for each row execute function refuse_history_change_except_erasure('author_id', 'author_name');

drop trigger constraint_acknowledgement_append_only on constraint_acknowledgement;
create trigger constraint_acknowledgement_append_only before delete on constraint_acknowledgement
    for each row execute function refuse_history_change();
create trigger constraint_acknowledgement_erasure_only before update on constraint_acknowledgement
    for each row execute function refuse_history_change_except_erasure('acknowledged_by', 'acknowledged_by_name');

drop trigger correction_proposal_append_only on correction_proposal;
create trigger correction_proposal_append_only before delete on correction_proposal
    for each row execute function refuse_history_change();
create trigger correction_proposal_erasure_only before update on correction_proposal
    for each row execute function refuse_history_change_except_erasure('proposed_by', 'proposer_name');

-- Entries recorded from now on are hashed with pseudonyms and without names (version 2); earlier entries keep the
-- hash they were recorded with, which covers the signer's user id and name.
alter table decision add column hash_version int not null default 1;
