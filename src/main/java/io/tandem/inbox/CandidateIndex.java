package io.tandem.inbox;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the trigger that keeps {@code inbox_candidate} in step (migration V9) on the engine's candidate links, and
 * fills the table from the links already there. It runs at start-up, before Tandem serves anyone, and only where the
 * trigger is missing: the first start after the migration, or an engine schema that was re-created. The process engine
 * is a constructor argument so that its tables exist; the JDBC template makes Spring Boot run the migrations first.
 */
@Component
class CandidateIndex implements InitializingBean {

    static final String TRIGGER = "inbox_candidate_mirror";
    /** Serialises instances that start together on one database (any constant both agree on). */
    private static final long INSTALL_LOCK = 0x7a6e64656d01L;

    private static final Logger log = LoggerFactory.getLogger(CandidateIndex.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    CandidateIndex(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> install());
    }

    /**
     * One transaction: creating the trigger waits for the engine's open writes to the links and holds back new ones
     * until the copy below commits, so no link is copied twice or missed.
     */
    void install() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, INSTALL_LOCK);
        Boolean present = jdbc.queryForObject("select exists (select 1 from pg_trigger where tgname = ?"
                + " and tgrelid = 'act_ru_identitylink'::regclass)", Boolean.class, TRIGGER);
        if (Boolean.TRUE.equals(present)) {
            return;
        }
        long started = System.nanoTime();
        jdbc.execute("create trigger " + TRIGGER + " after insert or update or delete on act_ru_identitylink"
                + " for each row execute function inbox_candidate_mirror()");
        jdbc.update("delete from inbox_candidate");
        int copied = jdbc.update("""
                insert into inbox_candidate (link_id, task_id, user_id, group_id, created_at)
                select l.id_, l.task_id_, l.user_id_, l.group_id_, t.create_time_
                  from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_
                 where l.type_ = 'candidate'
                """);
        log.info("Inbox candidate index installed: {} candidate links copied in {} ms", copied,
                (System.nanoTime() - started) / 1_000_000);
    }
}
