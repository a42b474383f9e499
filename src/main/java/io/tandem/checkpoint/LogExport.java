package io.tandem.checkpoint;

import io.tandem.decision.Decision;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.LoggedEntry;
import io.tandem.security.Roles;
import io.tandem.shared.StoredTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a bet's decision log, or every entry recorded in a period, for auditors ({@link ExportFormat}), with every
 * leaf of the whole log that a checkpoint covers or will cover, so that {@link OfflineCheck} can verify the export
 * against a checkpoint the auditor kept. One read-only transaction: the entries and leaves are one snapshot.
 */
@Service
class LogExport {

    private final DecisionLog decisionLog;
    private final Checkpoints checkpoints;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    LogExport(DecisionLog decisionLog, Checkpoints checkpoints, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.decisionLog = decisionLog;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A bet's whole log (betId set), or the entries recorded in [from, to) of every bet. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public void write(UUID betId, String betGlobalId, Instant from, Instant to, OutputStream out) {
        List<Decision> entries = betId != null ? decisionLog.all(betId) : decisionLog.recordedBetween(from, to);
        line(out, new ExportFormat.HeaderLine(new ExportFormat.Header(ExportFormat.FORMAT, StoredTime.now(clock),
                betGlobalId, from, to)));
        for (LoggedEntry entry : decisionLog.logged(entries)) {
            line(out, new ExportFormat.EntryLine(entry));
        }
        jdbc.query("select bet_id, sequence, hash from decision_leaf where " + Checkpoints.COVERED + " " + Checkpoints.ORDER,
                Map.of(), row -> {
                    line(out, new ExportFormat.LeafLine(new ExportFormat.Leaf(row.getString("bet_id"), row.getInt("sequence"),
                            row.getString("hash"))));
                });
        checkpoints.latest().ifPresent(checkpoint -> line(out, new ExportFormat.CheckpointLine(checkpoint)));
    }

    private static void line(OutputStream out, Object line) {
        try {
            out.write(ExportFormat.JSON.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
