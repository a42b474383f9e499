package io.tandem.checkpoint;

import io.tandem.bet.BetService;
import io.tandem.graphql.GlobalId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/decision-log?betId=…} (a bet's whole log) or {@code ?from=…&to=…} (ISO-8601 instants: every entry
 * recorded in [from, to)): JSON lines for auditors ({@link ExportFormat}). Needs a signed-in caller with a Tandem role,
 * as the GraphQL reads do; a bad request answers 400 with a message, an unknown bet 404.
 */
@RestController
class LogExportController {

    static final String PATH = "/exports/decision-log";
    private static final String JSON_LINES = "application/x-ndjson";

    private final LogExport export;
    private final BetService bets;

    LogExportController(LogExport export, BetService bets) {
        this.export = export;
        this.bets = bets;
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, String>> export(@RequestParam(required = false) String betId,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               HttpServletResponse response) throws IOException {
        if ((betId == null) == (from == null || to == null)) {
            return refused(HttpStatus.BAD_REQUEST, "Give betId (a bet's whole log) or both from and to (a period), not both");
        }
        UUID bet = null;
        Instant start = null;
        Instant end = null;
        if (betId != null) {
            bet = GlobalId.find("Bet", betId).filter(id -> bets.read(id).isPresent()).orElse(null);
            if (bet == null) {
                return refused(HttpStatus.NOT_FOUND, "betId names no bet");
            }
        } else {
            try {
                start = Instant.parse(from);
                end = Instant.parse(to);
            } catch (DateTimeParseException e) {
                return refused(HttpStatus.BAD_REQUEST, "from and to are ISO-8601 instants, such as 2026-01-01T00:00:00Z");
            }
            if (!start.isBefore(end)) {
                return refused(HttpStatus.BAD_REQUEST, "from must be before to");
            }
        }
        response.setContentType(JSON_LINES);
        response.setHeader("Content-Disposition", "attachment; filename=\"decision-log.jsonl\"");
        export.write(bet, betId, start, end, response.getOutputStream());
        return null;
    }

    private static ResponseEntity<Map<String, String>> refused(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
