package io.tandem.platform;

import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Indexes The engine's schema lacks for statements the engine runs all the time; without them each of those statements
 * reads a whole table that grows with the open bets (BENCHMARKS.md, "Tuning"). The engine's own schema updates leave
 * them alone.
 */
@Component
class EngineIndexes extends EngineSchemaAddition {

    /** Completing or deleting a task looks up its subtasks: 62 ms per lookup at 49,000 open tasks without it. */
    static final String SUBTASKS = "act_idx_task_parent_tandem";
    /**
     * Every replica's job executor looks for due jobs several times a second while timers fire, and every open bet
     * holds timer jobs: 31.6 ms per look at 48,000 jobs without it, 0.16 ms with it.
     */
    static final String DUE_JOBS = "act_idx_job_duedate_tandem";

    EngineIndexes(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine) {
        super(jdbc, transactions, engine);
    }

    @Override
    protected void apply(JdbcTemplate jdbc) {
        jdbc.execute("create index if not exists " + SUBTASKS + " on act_ru_task (parent_task_id_)");
        jdbc.execute("create index if not exists " + DUE_JOBS + " on act_ru_job (duedate_)");
    }
}
