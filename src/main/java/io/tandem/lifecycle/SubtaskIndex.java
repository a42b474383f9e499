package io.tandem.lifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An index Camunda's schema lacks: completing or deleting a task looks up its subtasks by {@code PARENT_TASK_ID_},
 * which without it reads every open task (62 ms per lookup with 49k open tasks, on every step of every bet). Created
 * at start-up, before Tandem serves anyone, once the engine's tables exist (the process engine is a constructor
 * argument for that); the engine's own schema updates leave it alone.
 */
@Component
class SubtaskIndex implements InitializingBean {

    static final String NAME = "act_idx_task_parent_tandem";
    /** Serialises instances that start together on one database: two concurrent creations of one index collide. */
    private static final long CREATE_LOCK = 0x7a6e64656d02L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SubtaskIndex(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CREATE_LOCK);
            jdbc.execute("create index if not exists " + NAME + " on act_ru_task (parent_task_id_)");
        });
    }
}
