-- A copy of the engine's candidate links (act_ru_identitylink, type 'candidate') with their task's opening time,
-- indexed so that an inbox page reads only its own rows in order: the engine's tables have no index that finds "the
-- oldest unheld tasks offered to group X" without reading every candidate link. Kept in step by a trigger on the
-- engine's table in the engine's own transaction (inbox CandidateIndex installs it once the engine's tables exist).
create table inbox_candidate (
    link_id    varchar(64)  primary key,
    task_id    varchar(64)  not null,
    user_id    varchar(255),
    group_id   varchar(255),
    created_at timestamp    not null
);
create index inbox_candidate_user_idx on inbox_candidate (user_id, created_at, task_id);
create index inbox_candidate_group_idx on inbox_candidate (group_id, created_at, task_id);

create function inbox_candidate_mirror() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from inbox_candidate where link_id = old.id_;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.type_ = 'candidate' and new.task_id_ is not null then
        insert into inbox_candidate (link_id, task_id, user_id, group_id, created_at)
        select new.id_, new.task_id_, new.user_id_, new.group_id_, t.create_time_
          from act_ru_task t
         where t.id_ = new.task_id_;
    end if;
    return null;
end
$$;
