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

/** The job executor's search for due jobs finds them through an index, not by reading every timer job. */
@TandemTest
class JobDueDateIndexTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void theJobExecutorsDueDateConditionUsesAnIndex() {
        // the due-date part of the engine's acquisition statement (Job.xml, selectNextJobsToExecute); with sequential
        // scans priced out, the planner reads the table in full only if no index serves the condition
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select RES.ID_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0)"
                    + " and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now()) and RES.SUSPENSION_STATE_ = 1 limit 3", String.class);
        });
        assertThat(String.join("\n", plan)).contains(JobDueDateIndex.NAME).doesNotContain("Seq Scan");
    }
}
