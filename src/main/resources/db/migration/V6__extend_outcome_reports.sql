-- The outcome review asks two questions instead of one free "learnings" text, and ends in a recommendation.
alter table outcome_report rename column learnings to what_we_learned;
alter table outcome_report add column what_we_would_do_differently text;
alter table outcome_report add column recommendation varchar(20);
-- Reports recorded before this migration have neither answer. NOT VALID leaves them as they are while
-- every new report must carry both.
alter table outcome_report add constraint outcome_report_review_complete
    check (what_we_would_do_differently is not null
        and recommendation is not null and recommendation in ('GRADUATE', 'ITERATE', 'STOP')) not valid;

-- Scorecards can be cut by team.
alter table bet add column team varchar(100);
create index bet_closed_at_idx on bet (closed_at) where closed_at is not null;

-- A decision's supersededBy is looked up by the entry that points at it.
create index decision_supersedes_idx on decision (supersedes_id) where supersedes_id is not null;
