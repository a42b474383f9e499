package io.tandem.decision;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What whoever owns the database could do to a bet's decision log: give one entry a new rationale and recompute every
 * hash from it on, so that the chain alone still verifies. Only a checkpoint kept outside the database catches it.
 * {@code owner} connects as the database's owner: the runtime user may neither disable the trigger nor update an entry.
 */
public final class ChainRewrite {

    private ChainRewrite() {
    }

    public static void rewrite(DataSource owner, DecisionLog log, UUID betId, int fromSequence, String rationale)
            throws SQLException {
        List<Decision> entries = log.all(betId);
        Map<String, UUID> pseudonyms = log.pseudonyms(entries);
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement update = connection.prepareStatement(
                         "update decision set rationale = ?, previous_hash = ?, hash = ? where id = ?")) {
                statement.execute("alter table decision disable trigger decision_append_only");
                String previous = null;
                for (Decision entry : entries) {
                    if (entry.getSequence() >= fromSequence) {
                        if (entry.getSequence() == fromSequence) {
                            set(entry, "rationale", rationale);
                        }
                        set(entry, "previousHash", previous);
                        set(entry, "hash", DecisionHash.of(entry, pseudonyms));
                        update.setString(1, entry.getRationale());
                        update.setString(2, entry.getPreviousHash());
                        update.setString(3, entry.getHash());
                        update.setObject(4, entry.getId());
                        update.executeUpdate();
                    }
                    previous = entry.getHash();
                }
                statement.execute("alter table decision enable trigger decision_append_only");
            }
            connection.commit();
        }
    }

    private static void set(Decision entry, String field, Object value) {
        try {
            Field f = Decision.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(entry, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
