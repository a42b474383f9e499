/**
 * The betting table: leadership owns the cost of its choices. Leadership creates cycles with each team's capacity in
 * person-weeks; a bet in framing is pitched to a cycle with its appetite; leadership places pitched bets on the
 * cycle's table in an order. A placement that would take a team past its capacity is refused unless the placer names
 * what gives way (another bet removed or moved to a later cycle, or the capacity raised, with a reason), recorded as
 * one TABLE decision in the log of every bet it touches. Two different leadership people sign a table to close it;
 * pitched bets it did not place are then listed as not placed. Owns {@code cycle}, {@code cycle_capacity},
 * {@code pitch} and {@code cycle_signature}; offers BettingTable and the GraphQL types Cycle and Pitch.
 */
package io.tandem.table;
