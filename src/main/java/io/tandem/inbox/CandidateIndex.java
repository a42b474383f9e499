package io.tandem.inbox;

import io.tandem.platform.EngineSchemaAddition;
import org.operaton.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Puts the trigger that keeps {@code inbox_candidate} in step (migration V9) on the engine's candidate links, and
 * fills the table from the links already there, where the trigger is missing: the first start after the migration,
 * or an engine schema that was re-created.
 */
@Component
class CandidateIndex extends EngineSchemaAddition {

    static final String TRIGGER = "inbox_candidate_mirror";

    private static final Logger log = LoggerFactory.getLogger(CandidateIndex.class);

    CandidateIndex(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessEngine engine) {
        super(jdbc, transactions, engine);
    }

    /**
     * Creating the trigger waits for the engine's open writes to the links and holds back new ones until the copy
     * below commits with it, so no link is copied twice or missed.
     */
    @Override
    protected void apply(JdbcTemplate jdbc) {
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
