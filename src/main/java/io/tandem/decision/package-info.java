/**
 * The decision log and what it records: append-only, hash-chained entries per bet (DecisionLog, DecisionHash; the
 * database refuses UPDATE and DELETE), sign-offs (SignOffs), commitment options (OptionService) and corrections
 * that supersede an entry (CorrectionService). Offers the log's reads and {@code verifyDecisionLog}; publishes
 * DecisionRecorded and SignOffRecorded inside the appending transaction.
 */
package io.tandem.decision;
