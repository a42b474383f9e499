/**
 * The decision log and what it records: append-only, hash-chained entries per bet (DecisionLog, DecisionHash; the
 * database refuses UPDATE and DELETE; the hashes name people by their pseudonym, LoggedEntry, and entries keep no
 * names), sign-offs (SignOffs), commitment options (OptionService) and corrections
 * that supersede an entry (CorrectionService: at once when one side signed it, through the CORRECTION gate when both
 * did, its proposal kept as a CorrectionProposal). Offers the log's reads and {@code verifyDecisionLog}; publishes
 * DecisionRecorded, SignOffRecorded and CorrectionProposed inside the appending transaction.
 */
package io.tandem.decision;
