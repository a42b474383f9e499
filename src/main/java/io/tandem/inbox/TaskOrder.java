package io.tandem.inbox;

import io.tandem.graphql.Connections;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orderings of an inbox, each a keyset the next page continues from: the sort value, then the task id so
 * equal values still have one order. Tasks with no due time sort after every due one.
 */
enum TaskOrder {
    CREATED("t.create_time_", "c.created_at", "created"),
    DUE("coalesce(t.due_date_, :noDueTime)", "c.due_at", "due"),
    PRIORITY("t.priority_", "c.priority", "priority");

    /** The due time of a task that has none; inbox_candidate stores it as {@code timestamp '9999-12-31 00:00:00'} (V27). */
    static final Instant NO_DUE_TIME = Instant.parse("9999-12-31T00:00:00Z");
    /** The same, as the database's timestamp without time zone, whatever the JVM's zone. */
    static final LocalDateTime NO_DUE_TIMESTAMP = LocalDateTime.ofInstant(NO_DUE_TIME, ZoneOffset.UTC);

    private final String column;
    private final String candidateColumn;
    private final String key;

    TaskOrder(String column, String candidateColumn, String key) {
        this.column = column;
        this.candidateColumn = candidateColumn;
        this.key = key;
    }

    String column() {
        return column;
    }

    /** The same sort value in inbox_candidate, whose indexes read it in order per user and per group. */
    String candidateColumn() {
        return candidateColumn;
    }

    String orderBy(boolean ascending) {
        return orderBy(column, "t.id_", ascending);
    }

    /** The keyset condition for tasks after the cursor's position. */
    String after(boolean ascending) {
        return after(column, "t.id_", ascending);
    }

    /** The keyset order on any pair of columns holding a task's sort value and id (inbox_candidate has its own). */
    static String orderBy(String value, String id, boolean ascending) {
        String direction = ascending ? "asc" : "desc";
        return value + " " + direction + ", " + id + " " + direction;
    }

    /** The keyset condition on such a pair: after {@code :afterValue, :afterId}. */
    static String after(String value, String id, boolean ascending) {
        return "(" + value + ", " + id + ") " + (ascending ? ">" : "<") + " (:afterValue, :afterId)";
    }

    Map<String, Object> cursorKeys(InboxTask task) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(key, switch (this) {
            case CREATED -> task.createdAt();
            case DUE -> task.dueAt() == null ? NO_DUE_TIME : task.dueAt();
            case PRIORITY -> task.priority();
        });
        keys.put("id", task.taskId());
        return keys;
    }

    /** The value the next page starts after, from a cursor this ordering issued. */
    Object cursorValue(Map<String, Object> keys) {
        Object value = keys.get(key);
        boolean fits = this == PRIORITY ? value instanceof Integer : value instanceof Instant;
        if (!fits || !(keys.get("id") instanceof String)) {
            throw new Connections.InvalidArgument("after is a cursor of another ordering; use one this ordering issued");
        }
        return value;
    }
}
