-- An inbox page in any order, and its count, read only inbox_candidate (V9, V19): it also keeps each task's due time
-- and priority, indexed per user and per group as its opening time is, and what the count filters on (the step,
-- whether the task is held, whether it is the lifecycle's), and follows the task when its due time, priority or holder
-- changes (a stall escalation raises the priority; claiming holds it). A task without a due time sorts last: its due_at
-- is 9999-12-31, as inbox/TaskOrder.NO_DUE_TIME says.
alter table inbox_candidate add column due_at timestamp, add column priority int, add column step varchar(255),
    add column held boolean, add column of_lifecycle boolean;
update inbox_candidate c
   set due_at = coalesce(t.due_date_, timestamp '9999-12-31 00:00:00'), priority = t.priority_, step = t.task_def_key_,
       held = t.assignee_ is not null, of_lifecycle = t.proc_def_id_ like 'bet-lifecycle:%'
  from act_ru_task t where t.id_ = c.task_id;
delete from inbox_candidate where due_at is null;
alter table inbox_candidate alter column due_at set not null, alter column priority set not null,
    alter column step set not null, alter column held set not null, alter column of_lifecycle set not null;
create index inbox_candidate_user_due_idx on inbox_candidate (user_id, due_at, task_id);
create index inbox_candidate_group_due_idx on inbox_candidate (group_id, due_at, task_id);
create index inbox_candidate_user_priority_idx on inbox_candidate (user_id, priority, task_id);
create index inbox_candidate_group_priority_idx on inbox_candidate (group_id, priority, task_id);

create or replace function inbox_candidate_mirror() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from inbox_candidate where link_id = old.id_;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.type_ = 'candidate' and new.task_id_ is not null then
        insert into inbox_candidate (link_id, task_id, user_id, group_id, created_at, due_at, priority, step, held, of_lifecycle)
        select new.id_, new.task_id_, new.user_id_, new.group_id_, t.create_time_,
               coalesce(t.due_date_, timestamp '9999-12-31 00:00:00'), t.priority_, t.task_def_key_, t.assignee_ is not null,
               t.proc_def_id_ like 'bet-lifecycle:%'
          from act_ru_task t
         where t.id_ = new.task_id_;
    end if;
    return null;
end
$$;

create function inbox_candidate_follow_task() returns trigger language plpgsql as $$
begin
    update inbox_candidate
       set due_at = coalesce(new.due_date_, timestamp '9999-12-31 00:00:00'), priority = new.priority_,
           held = new.assignee_ is not null
     where task_id = new.id_;
    return null;
end
$$;

-- As V19's, for the task trigger too: installs what is missing and fills the copy from the engine's tables.
create or replace function inbox_candidate_install() returns boolean language plpgsql as $$
declare
    installed boolean := false;
begin
    if not exists (select 1 from pg_trigger
                    where tgname = 'inbox_candidate_follow_task' and tgrelid = 'act_ru_task'::regclass) then
        create trigger inbox_candidate_follow_task after update of due_date_, priority_, assignee_ on act_ru_task
            for each row when (old.due_date_ is distinct from new.due_date_ or old.priority_ is distinct from new.priority_
                               or old.assignee_ is distinct from new.assignee_)
            execute function inbox_candidate_follow_task();
        installed := true;
    end if;
    if not exists (select 1 from pg_trigger
                    where tgname = 'inbox_candidate_mirror' and tgrelid = 'act_ru_identitylink'::regclass) then
        create trigger inbox_candidate_mirror after insert or update or delete on act_ru_identitylink
            for each row execute function inbox_candidate_mirror();
        installed := true;
    end if;
    if installed then
        delete from inbox_candidate;
        insert into inbox_candidate (link_id, task_id, user_id, group_id, created_at, due_at, priority, step, held, of_lifecycle)
        select l.id_, l.task_id_, l.user_id_, l.group_id_, t.create_time_,
               coalesce(t.due_date_, timestamp '9999-12-31 00:00:00'), t.priority_, t.task_def_key_, t.assignee_ is not null,
               t.proc_def_id_ like 'bet-lifecycle:%'
          from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_
         where l.type_ = 'candidate';
    end if;
    return installed;
end
$$;
select inbox_candidate_install();
