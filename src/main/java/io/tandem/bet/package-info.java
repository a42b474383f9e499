/**
 * Bets: the unit of work, its stage, outcome, uncertainty, leads and team. Owns the {@code bet} table and the
 * bet's reads (BetQuery: pages with keyset cursors, filters, totals) and offers BetService to create a bet, which
 * starts its workflow through the lifecycle module. Publishes BetCreated inside the creating transaction.
 */
package io.tandem.bet;
