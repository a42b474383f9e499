package io.tandem.shared;

import org.springframework.jdbc.core.JdbcTemplate;

/** Deletes in batches, each its own statement, so pruning a large backlog never holds one long lock on a table. */
public final class BatchedDeletes {

    public static final int BATCH = 10_000;

    private BatchedDeletes() {
    }

    /**
     * Runs {@code delete} (which deletes at most its last parameter's number of rows, given {@code before} and then
     * {@link #BATCH}) until a batch deletes fewer than that; returns how many rows went.
     */
    public static int untilDone(JdbcTemplate jdbc, String delete, Object before) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete, before, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
