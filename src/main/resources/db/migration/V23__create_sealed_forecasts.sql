-- Sealed forecasts (outcome/SealedForecasts): at commitment a signer may forecast the probability that the bet wins.
-- The commitment entry of the decision log carries only each forecast's seal (a hash over the bet, the side, the
-- probability and a random salt); the probability and salt wait here, read by nobody through the API, until the bet's
-- outcome review or kill reveals them in the log and scores them (Brier score).
create table sealed_forecast (
    id          uuid primary key,
    bet_id      uuid          not null references bet (id),
    round_id    uuid          not null,
    role        varchar(20)   not null,
    signer_id   varchar(100)  not null,
    probability numeric(3, 2) not null check (probability >= 0 and probability <= 1),
    salt        varchar(64)   not null,
    seal        varchar(64)   not null unique,
    sealed_at   timestamptz   not null,
    -- set when the reveal scored it: (probability - outcome)^2, outcome 1 for WON and 0 for LOST or KILLED
    revealed_at timestamptz,
    brier       numeric(5, 4),
    unique (round_id, role)
);
create index sealed_forecast_bet_idx on sealed_forecast (bet_id);
