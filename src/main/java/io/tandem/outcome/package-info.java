/**
 * Outcomes over outputs: the outcome report product records in review (attainment per success metric, what was
 * learned, the recommendation), the forecasts sealed at commitment and scored at the review (SealedForecasts), each
 * side's word on the brief's non-goals (NonGoalAttestations), and the scorecard over bets closed in a period, with
 * scope creep and calibration. Offers OutcomeService, ScorecardService, SealedForecasts and NonGoalAttestations.
 */
package io.tandem.outcome;
