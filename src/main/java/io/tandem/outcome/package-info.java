/**
 * Outcomes over outputs: the outcome report product records in review (attainment per success metric, what was
 * learned, the recommendation) and the scorecard over bets closed in a period. Offers OutcomeService and
 * ScorecardService.
 */
package io.tandem.outcome;
