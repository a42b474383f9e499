package io.tandem.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An index Camunda's schema lacks: every replica's job executor looks for due jobs ({@code DUEDATE_ is null or
 * DUEDATE_ <= now}) several times a second while timers fire, and without it each look reads every job. Every open
 * bet holds timer jobs (stall escalations, timeboxes, measurement periods), so that read grows with the data: 31.6 ms
 * at 48,000 jobs, 0.16 ms with the index (BENCHMARKS.md, "Tuning"). The engine's own schema updates leave it alone.
 */
@Component
class JobDueDateIndex extends EngineSchemaAddition {

    static final String NAME = "act_idx_job_duedate_tandem";

    JobDueDateIndex(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine) {
        super(jdbc, transactions, engine);
    }

    @Override
    protected void apply(JdbcTemplate jdbc) {
        jdbc.execute("create index if not exists " + NAME + " on act_ru_job (duedate_)");
    }
}
