package io.tandem.lifecycle;

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

/** The engine's subtask lookup, run on every task completion, finds its rows through an index, not a full read. */
@TandemTest
class SubtaskIndexTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void theEnginesSubtaskLookupUsesAnIndex() {
        // the engine's own statement (Task.xml, selectTasksByParentTaskId); with sequential scans priced out, the
        // planner reads the table in full only if no index serves the condition
        List<String> plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'some-task'", String.class);
        });
        assertThat(String.join("\n", plan)).contains(SubtaskIndex.NAME).doesNotContain("Seq Scan");
    }
}
