-- The peer a team would pick instead of a hand-built API: the same page of bets served by PostGraphile 4 straight
-- from PostgreSQL, through views and SQL functions in a schema of its own (bench/PostGraphilePeer applies this to
-- the benchmark database and starts PostGraphile on the schema "peer"). Each function is what the page reads of one
-- part of a bet, as Tandem reads it: the latest brief revision, the latest decision with its signers' current names,
-- the constraints with whether product acknowledged them, and the open workflow tasks with the role each waits on.
drop schema if exists peer cascade;
create schema peer;

create view peer.bet as
    select id, key, title, stage, outcome, team, created_at, updated_at from public.bet;
comment on view peer.bet is E'@primaryKey id';

-- Filled by the harness from io.tandem.lifecycle.BetLifecycle: the role each step of the workflow waits on.
create table peer.step_role (step varchar(100) primary key, role varchar(20) not null);
comment on table peer.step_role is E'@omit';

create type peer.brief as (revision int, problem text, success_metrics jsonb);
create type peer.signer as (name text, role text);
create type peer.decision as (sequence int, kind text, recorded_at timestamptz);
create type peer.constraint_summary as (title text, acknowledged boolean);
create type peer.open_task as (step text, role text);

create function peer.bet_brief(b peer.bet) returns peer.brief language sql stable as $$
    select r.revision, r.content ->> 'problem',
           (select coalesce(jsonb_agg(jsonb_build_object('name', m ->> 'name', 'target', m -> 'target')), '[]')
              from jsonb_array_elements(r.content -> 'successMetrics') m)
      from public.brief_revision r where r.bet_id = b.id order by r.revision desc limit 1
$$;

create function peer.bet_latest_decision(b peer.bet) returns peer.decision language sql stable as $$
    select d.sequence, d.kind, d.recorded_at from public.decision d where d.bet_id = b.id order by d.sequence desc limit 1
$$;

create function peer.bet_latest_signers(b peer.bet) returns setof peer.signer language sql stable as $$
    select coalesce(p.display_name, s ->> 'name'), s ->> 'role'
      from (select d.signers from public.decision d where d.bet_id = b.id order by d.sequence desc limit 1) latest
           cross join lateral jsonb_array_elements(latest.signers) with ordinality as s(s, n)
           left join public.person p on p.id = s ->> 'userId'
     order by n
$$;

create function peer.bet_constraints(b peer.bet) returns setof peer.constraint_summary language sql stable as $$
    select c.title, exists (select 1 from public.constraint_acknowledgement a where a.constraint_id = c.id)
      from public.technical_constraint c where c.bet_id = b.id order by c.created_at, c.id
$$;

create function peer.bet_waiting_on(b peer.bet) returns setof peer.open_task language sql stable as $$
    select t.task_def_key_, r.role
      from public.act_ru_task t join public.act_ru_execution e on e.id_ = t.proc_inst_id_
           left join peer.step_role r on r.step = t.task_def_key_
     where e.business_key_ = b.id::text and t.proc_def_id_ like 'bet-lifecycle:%'
     order by t.create_time_, t.id_
$$;
