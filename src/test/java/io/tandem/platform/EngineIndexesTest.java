package io.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.TandemTest;
import io.tandem.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's statements that run on every step or poll find their rows through an index (migration V19), not a full
 * read.
 */
@TandemTest
class EngineIndexesTest {

    static final String SUBTASKS = "act_idx_task_parent_tandem";
    static final String DUE_JOBS = "act_idx_job_duedate_tandem";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void theSubtaskLookupOfEveryTaskCompletionUsesAnIndex() {
        // Task.xml, selectTasksByParentTaskId
        assertThat(plan("select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'some-task'"))
                .contains(SUBTASKS).doesNotContain("Seq Scan");
    }

    @Test
    void theJobExecutorsSearchForDueJobsUsesAnIndex() {
        // the due-date part of Job.xml, selectNextJobsToExecute
        assertThat(plan("select RES.ID_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0)"
                + " and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now()) and RES.SUSPENSION_STATE_ = 1 limit 3"))
                .contains(DUE_JOBS).doesNotContain("Seq Scan");
    }

    /** The plan with sequential scans priced out: the planner reads a table in full only if no index serves the condition. */
    private String plan(String statement) {
        List<String> lines = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain " + statement, String.class);
        });
        return String.join("\n", lines);
    }
}
