package io.tandem.support;

import io.tandem.graphql.GlobalId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many rows a bet has in each table a lifecycle mutation writes, sign-offs of open rounds included (the API shows
 * only those of decided gates): a refused mutation leaves every count as it was.
 */
public final class BetRows {

    private static final List<String> TABLES = List.of("sign_off", "decision", "technical_constraint",
            "constraint_acknowledgement", "brief_revision", "bet_option", "change_request", "status_update",
            "correction_proposal");

    private BetRows() {
    }

    public static Map<String, Long> of(JdbcTemplate jdbc, String betId) {
        UUID id = GlobalId.require("Bet", betId, "betId");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table + " where bet_id = ?", Long.class, id));
        }
        return counts;
    }
}
