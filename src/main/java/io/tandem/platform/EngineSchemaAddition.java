package io.tandem.platform;

import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Something Tandem adds to the engine's own tables (an index, a trigger), which a Flyway migration cannot: on a new
 * database the engine creates its tables after the migrations may have run. Applied at start-up, before Tandem serves
 * anyone, in one transaction. The process engine is a constructor argument so that its tables exist; the JDBC template
 * makes Spring Boot run the migrations first. Instances that start together on one database take turns.
 */
public abstract class EngineSchemaAddition implements InitializingBean {

    private static final long TAKE_TURNS = 0x7a6e64656d01L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    protected EngineSchemaAddition(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public final void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, TAKE_TURNS);
            apply(jdbc);
        });
    }

    /** Adds what is missing, and nothing when it is there. */
    protected abstract void apply(JdbcTemplate jdbc);
}
