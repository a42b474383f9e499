-- The options proposed for commitment, constraint acknowledgements and outcome reports are history too: the
-- application only ever inserts them (their entities are immutable), and now the database refuses the rest.
create trigger bet_option_append_only before update or delete on bet_option
    for each row execute function refuse_history_change();
create trigger bet_option_no_truncate before truncate on bet_option
    for each statement execute function refuse_history_change();
create trigger constraint_acknowledgement_append_only before update or delete on constraint_acknowledgement
    for each row execute function refuse_history_change();
create trigger constraint_acknowledgement_no_truncate before truncate on constraint_acknowledgement
    for each statement execute function refuse_history_change();
create trigger outcome_report_append_only before update or delete on outcome_report
    for each row execute function refuse_history_change();
create trigger outcome_report_no_truncate before truncate on outcome_report
    for each statement execute function refuse_history_change();

-- Tables whose rows were guarded already, but which TRUNCATE still emptied.
create trigger status_update_no_truncate before truncate on status_update
    for each statement execute function refuse_history_change();
create trigger change_request_no_truncate before truncate on change_request
    for each statement execute function refuse_history_change();
create trigger task_escalation_no_truncate before truncate on task_escalation
    for each statement execute function refuse_history_change();

-- What Tandem adds to the engine's tables (created by V18), made here by the migration owner: the runtime user may
-- not create an index or a trigger. A database the application used before has them already (it added them at
-- start-up then), so each one is created only where it is missing.

-- Completing or deleting a task looks up its subtasks: 62 ms per lookup at 49,000 open tasks without it (BENCHMARKS.md).
create index if not exists act_idx_task_parent_tandem on act_ru_task (parent_task_id_);
-- Every replica's job executor looks for due jobs several times a second while timers fire, and every open bet holds
-- timer jobs: 31.6 ms per look at 48,000 jobs without it, 0.16 ms with it.
create index if not exists act_idx_job_duedate_tandem on act_ru_job (duedate_);

-- Puts the trigger that keeps inbox_candidate in step (V9) on the engine's candidate links and fills the table from
-- the links already there, where the trigger is missing. Creating the trigger waits for the engine's open writes to
-- the links and holds back new ones until the copy commits with it, so no link is copied twice or missed. Only the
-- owner of act_ru_identitylink can run it: also for an operator who re-created the engine's tables.
create function inbox_candidate_install() returns boolean language plpgsql as $$
begin
    if exists (select 1 from pg_trigger
                where tgname = 'inbox_candidate_mirror' and tgrelid = 'act_ru_identitylink'::regclass) then
        return false;
    end if;
    create trigger inbox_candidate_mirror after insert or update or delete on act_ru_identitylink
        for each row execute function inbox_candidate_mirror();
    delete from inbox_candidate;
    insert into inbox_candidate (link_id, task_id, user_id, group_id, created_at)
    select l.id_, l.task_id_, l.user_id_, l.group_id_, t.create_time_
      from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_
     where l.type_ = 'candidate';
    return true;
end
$$;
select inbox_candidate_install();
