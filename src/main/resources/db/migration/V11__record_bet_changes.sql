-- What an entry changed on the bet, field by field (BET_EDITED, LEAD_CHANGED): [{"field", "from", "to"}]. Null on
-- every other kind of entry, and on entries recorded before the column existed, whose hashes do not cover it.
alter table decision add column changes jsonb;
