/**
 * Signed checkpoints of the whole decision log, so that history stays provable against whoever can write the database.
 * Every entry's hash is also a leaf (table decision_leaf, written by a trigger in the entry's transaction), in the order
 * the log grew. A checkpoint is the Merkle root over the first {@code size} leaves, with its time, signed with
 * Tandem's Ed25519 key ({@link io.tandem.checkpoint.CheckpointKey}); {@link io.tandem.checkpoint.Checkpoints} writes
 * one per interval (whichever replica is first) and proves that the current log extends a checkpoint a client kept,
 * naming the first bet and entry that does not. {@link io.tandem.checkpoint.LogExport} writes a bet's log, or the log
 * of a period, as JSON lines, and {@link io.tandem.checkpoint.OfflineCheck} verifies such an export against a
 * checkpoint without Tandem running.
 */
package io.tandem.checkpoint;
