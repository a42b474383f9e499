package io.tandem.checkpoint;

import io.tandem.decision.DecisionLog;
import io.tandem.security.Roles;
import io.tandem.shared.StoredTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a signed checkpoint of the decision log once per interval, and proves that the current log extends a
 * checkpoint a client kept. The leaves are read in the order the log grew, (transaction id, position), and a checkpoint
 * covers only leaves of transactions older than every transaction still running, so a leaf that commits later always
 * comes after every checkpoint already written: the first {@code size} leaves never change unless someone rewrites
 * the database.
 */
@Service
public class Checkpoints {

    /** What a proof against a kept checkpoint found: the first bet and entry that no longer match, if any. */
    public record Extension(boolean extended, long leavesChecked, UUID betId, Integer sequence, String problem) {
    }

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    static final String COVERED = "tx < pg_snapshot_xmin(pg_current_snapshot())";
    static final String ORDER = "order by tx, position";

    private final NamedParameterJdbcTemplate jdbc;
    private final CheckpointKey key;
    private final DecisionLog decisionLog;
    private final Clock clock;
    private final Duration every;

    Checkpoints(NamedParameterJdbcTemplate jdbc, CheckpointKey key, DecisionLog decisionLog, Clock clock,
                @Value("${tandem.checkpoints.every}") Duration every) {
        this.jdbc = jdbc;
        this.key = key;
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${tandem.checkpoints.check-every}", initialDelayString = "${tandem.checkpoints.check-every}")
    void onSchedule() {
        write().ifPresent(c -> log.info("Wrote the decision log's checkpoint of {}: {} entries, root {}", c.at(), c.size(), c.root()));
    }

    /**
     * Writes the checkpoint of the current interval unless a replica already has; returns it when this call wrote it.
     */
    @Transactional
    public Optional<Checkpoint> write() {
        Instant at = StoredTime.now(clock);
        long period = at.toEpochMilli() / every.toMillis();
        if (jdbc.queryForObject("select count(*) from log_checkpoint where period = :period", Map.of("period", period),
                Long.class) > 0) {
            return Optional.empty();
        }
        MerkleTree tree = new MerkleTree();
        jdbc.query("select bet_id, sequence, hash from decision_leaf where " + COVERED + " " + ORDER, Map.of(),
                row -> {
                    tree.add(MerkleTree.leaf(row.getString("bet_id"), row.getInt("sequence"), row.getString("hash")));
                });
        String root = tree.root();
        Checkpoint checkpoint = new Checkpoint(at, tree.size(), root, key.sign(Checkpoint.payload(at, tree.size(), root)));
        int written = jdbc.update("insert into log_checkpoint (id, period, at, size, root, signature)"
                + " values (:id, :period, :at, :size, :root, :signature) on conflict (period) do nothing",
                new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("period", period)
                        .addValue("at", Timestamp.from(at)).addValue("size", checkpoint.size())
                        .addValue("root", root).addValue("signature", checkpoint.signature()));
        return written == 1 ? Optional.of(checkpoint) : Optional.empty();
    }

    /** The newest checkpoint written, if any. */
    @Transactional(readOnly = true)
    public Optional<Checkpoint> latest() {
        return jdbc.query("select at, size, root, signature from log_checkpoint order by period desc limit 1", Map.of(),
                (row, n) -> new Checkpoint(row.getTimestamp("at").toInstant(), row.getLong("size"), row.getString("root"),
                        row.getString("signature"))).stream().findFirst();
    }

    public String publicKey() {
        return key.publicKey();
    }

    /** Whether Tandem's key signed this checkpoint: a forged or edited one is not. */
    public boolean isTandems(Checkpoint kept) {
        return kept.size() >= 0 && kept.root() != null && kept.signature() != null
                && key.verifies(kept.payload(), kept.signature());
    }

    /**
     * Proves that the current log extends a checkpoint a client kept: its signature is Tandem's, the first
     * {@code size} leaves still hash to its root, every entry those leaves name still has the hash it had, and each
     * chain still verifies from its start (only the given bet's, when one is given). Names the first bet and entry,
     * in the order the log grew, that does not.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Extension extension(Checkpoint kept, UUID betId) {
        if (!isTandems(kept)) {
            throw new IllegalArgumentException("Not a checkpoint of this Tandem's: check isTandems first");
        }
        MerkleTree tree = new MerkleTree();
        jdbc.query("select bet_id, sequence, hash from decision_leaf " + ORDER + " limit :size", Map.of("size", kept.size()),
                row -> {
                    tree.add(MerkleTree.leaf(row.getString("bet_id"), row.getInt("sequence"), row.getString("hash")));
                });
        if (tree.size() < kept.size()) {
            return new Extension(false, tree.size(), null, null, "The log holds " + tree.size()
                    + " entries of the checkpoint's " + kept.size() + ": entries were removed");
        }
        if (!tree.root().equals(kept.root())) {
            return new Extension(false, tree.size(), null, null,
                    "The record of the log's entries no longer hashes to the checkpoint's root: it was rewritten");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("size", kept.size()).addValue("bet", betId);
        List<Extension> changed = jdbc.query("""
                with kept as (select tx, position, bet_id, sequence, hash from decision_leaf %s limit :size)
                select kept.bet_id, kept.sequence, decision.id is null as missing from kept
                left join decision on decision.bet_id = kept.bet_id and decision.sequence = kept.sequence
                where decision.hash is distinct from kept.hash and (cast(:bet as uuid) is null or kept.bet_id = :bet)
                order by kept.tx, kept.position limit 1""".formatted(ORDER), parameters,
                (row, n) -> new Extension(false, kept.size(), row.getObject("bet_id", UUID.class), row.getInt("sequence"),
                        "Entry " + row.getInt("sequence") + (row.getBoolean("missing") ? " is gone" : " was rewritten")
                                + " since the checkpoint of " + kept.at()));
        if (!changed.isEmpty()) {
            return changed.get(0);
        }
        List<UUID> bets = betId != null ? List.of(betId) : jdbc.queryForList(
                "select distinct bet_id from (select bet_id from decision_leaf " + ORDER + " limit :size) kept",
                parameters, UUID.class);
        for (UUID bet : bets) {
            DecisionLog.Verification chain = decisionLog.verify(bet);
            if (!chain.valid()) {
                return new Extension(false, kept.size(), bet, chain.firstBroken().getSequence(), chain.problem());
            }
        }
        return new Extension(true, kept.size(), null, null, null);
    }
}
