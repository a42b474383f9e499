package io.tandem.inbox;

import io.tandem.lifecycle.BetLifecycle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads inboxes straight from the engine's runtime tables, in one statement per page: the engine's task query has no
 * keyset paging. The rule for who may act is the engine's own: tasks held by the person, and unheld tasks whose
 * candidates name them or one of their groups (TaskRules sets the candidates when a task opens).
 *
 * <p>A page in any order is read through {@code inbox_candidate} (migrations V9, V19, V27): one ordered, limited
 * index read per way in (held by the person, offered to them, offered to each of their groups), so its cost does not
 * grow with the number of open tasks. A page of one bet reads the engine's tables with every candidate link, but joins
 * the executions and bets for the page's tasks only.
 */
@Repository
class InboxQuery {

    /** What one inbox page asks for. Null filters do not filter. */
    record Page(String userId, Collection<String> groups, Collection<String> steps, UUID betId, Boolean claimed,
                Boolean overdue, Instant now, TaskOrder order, boolean ascending, Object afterValue, String afterId, int size) {
    }

    private static final String COLUMNS = """
            select t.id_, t.task_def_key_, t.name_, t.description_, e.business_key_, t.create_time_, t.due_date_,
                   t.assignee_, t.priority_, b.product_lead, b.engineering_lead
            """;
    private static final String TASKS = """
             from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
            """;
    private static final String THEIR_BETS = """
              join bet b on b.id = cast(e.business_key_ as uuid)
            """;
    /**
     * A literal, not a parameter: PostgreSQL then knows that nearly every task matches when it plans a prepared
     * statement once for all values. With a parameter, that plan expected few matches and read a page of myTasks with
     * parallel workers: 5–13 ms against 0.1–1.1 ms at 100k bets.
     */
    private static final String OF_THE_LIFECYCLE = "where t.proc_def_id_ like '" + BetLifecycle.PROCESS_KEY + ":%'\n";
    private static final String TASKS_OF_BETS = TASKS + THEIR_BETS + OF_THE_LIFECYCLE;

    private final NamedParameterJdbcTemplate jdbc;

    InboxQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<InboxTask> page(Page page) {
        return page.betId() == null ? pageByCandidates(page) : pageByScan(page);
    }

    /**
     * Every task the person may act on, filtered and then sorted, read from the engine's own tables: a page of one bet,
     * which has a handful (and the reference CandidateIndexTest holds the candidate index to). The page's task ids are
     * chosen first, and only they are joined to their executions and bets.
     */
    List<InboxTask> pageByScan(Page page) {
        MapSqlParameterSource parameters = parameters(page);
        String order = page.order().orderBy(page.ascending());
        StringBuilder ids = new StringBuilder("select t.id_").append(TASKS).append(where(page));
        if (page.afterId() != null) {
            ids.append(" and ").append(page.order().after(page.ascending()));
        }
        ids.append(" order by ").append(order).append(" limit :limit");
        parameters.addValue("limit", page.size() + 1);
        return jdbc.query(ofPage(ids.toString(), order), parameters, InboxQuery::task);
    }

    /**
     * The first tasks of each way in, by the same keyset, merged: a task among the page's first {@code size + 1} is
     * among the first {@code size + 1} of some way in, as at most {@code size} tasks come before it in any of them. Each
     * way in reads inbox_candidate's index of the page's order (opening time, due time or priority, V27), so a page
     * costs a page in every order. Reading and sorting every candidate instead, a page by due time at 100k bets
     * (31,014 candidate tasks) took 48 ms (median of 30 requests).
     */
    List<InboxTask> pageByCandidates(Page page) {
        MapSqlParameterSource parameters = parameters(page);
        // a literal for the same reason as OF_THE_LIFECYCLE: with a parameter, the plan made once for all values
        // expected each way in to read far more than a page (30–35 ms against 0.1–1.1 ms at 100k bets)
        String limit = " limit " + (page.size() + 1);
        List<String> waysIn = new ArrayList<>();
        if (!Boolean.FALSE.equals(page.claimed())) {
            waysIn.add(wayIn("select t.id_ from act_ru_task t " + OF_THE_LIFECYCLE + " and t.assignee_ = :userId", page,
                    page.order().column(), "t.id_"));
        }
        if (!Boolean.TRUE.equals(page.claimed())) {
            waysIn.add(offered("c.user_id = :userId", page));
            int i = 0;
            for (String group : page.groups()) {
                parameters.addValue("group" + i, group);
                waysIn.add(offered("c.group_id = :group" + i++, page));
            }
        }
        String ids = String.join(" union ", waysIn.stream().map(way -> "(" + way + limit + ")").toList());
        return jdbc.query(ofPage(ids, page.order().orderBy(page.ascending())) + limit, parameters, InboxQuery::task);
    }

    /** The columns of the tasks a statement selecting {@code id_} chose, with their bets, in the page's order. */
    private static String ofPage(String ids, String order) {
        return COLUMNS + " from (" + ids + ") k join act_ru_task t on t.id_ = k.id_"
                + " join act_ru_execution e on e.id_ = t.proc_inst_id_\n" + THEIR_BETS + " order by " + order;
    }

    /**
     * Unheld tasks offered to one user or group, read in the page's order from inbox_candidate's index. The filters
     * are also put on inbox_candidate's own copies of the step and due time, so that PostgreSQL may read only the
     * overdue tasks by the due-time index when few are overdue, instead of every task in the page's order.
     */
    private static String offered(String candidate, Page page) {
        return wayIn("select c.task_id as id_ from inbox_candidate c join act_ru_task t on t.id_ = c.task_id "
                + OF_THE_LIFECYCLE + " and " + candidate + " and t.assignee_ is null" + candidateFilters(page), page,
                page.order().candidateColumn(), "c.task_id");
    }

    /** One way in with the page's filters, after the cursor, in the page's order by the given sort value and id. */
    private static String wayIn(String select, Page page, String value, String id) {
        return select + filters(page) + (page.afterId() == null ? "" : " and " + TaskOrder.after(value, id, page.ascending()))
                + " order by " + TaskOrder.orderBy(value, id, page.ascending());
    }

    /**
     * The tasks the person holds, counted in the engine's table by holder, plus the unheld ones offered to them or one
     * of their groups, counted in inbox_candidate alone (it knows each task's step, due time, holder and process, V27):
     * reading each candidate task in the engine's tables, a count of 31,014 tasks at 100k bets took 56 ms of SQL. A
     * page of one bet counts that bet's few tasks.
     */
    long count(Page page) {
        if (page.betId() != null) {
            return number(jdbc.queryForObject("select count(*)" + TASKS + where(page), parameters(page), Long.class));
        }
        long count = 0;
        if (!Boolean.FALSE.equals(page.claimed())) {
            count += number(jdbc.queryForObject("select count(*) from act_ru_task t " + OF_THE_LIFECYCLE
                    + " and t.assignee_ = :userId" + filters(page), parameters(page), Long.class));
        }
        if (!Boolean.TRUE.equals(page.claimed())) {
            count += number(jdbc.queryForObject("""
                    select count(distinct c.task_id) from inbox_candidate c
                     where c.of_lifecycle and not c.held and (c.user_id = :userId or c.group_id in (:groups))"""
                    + candidateFilters(page), parameters(page), Long.class));
        }
        return count;
    }

    private static long number(Long count) {
        return count == null ? 0 : count;
    }

    /** The filters of a page not of one bet, on inbox_candidate's copies of the task's step and due time. */
    private static String candidateFilters(Page page) {
        StringBuilder where = new StringBuilder();
        if (page.steps() != null) {
            where.append(" and c.step in (:steps)");
        }
        if (Boolean.TRUE.equals(page.overdue())) {
            where.append(" and c.due_at < :now");
        } else if (Boolean.FALSE.equals(page.overdue())) {
            where.append(" and c.due_at >= :now");
        }
        return where.toString();
    }

    /**
     * The open tasks of some bets, oldest first. The bets' keys travel as one array: PostgreSQL then finds their
     * executions by key and each one's tasks by index. With an IN list of parameters its plan read every open task
     * (0.47–0.67 ms against 0.19–0.31 ms for a page of 50 bets on a 1k database, prepared statements).
     */
    List<InboxTask> openTasks(Collection<UUID> betIds) {
        return jdbc.query(COLUMNS + TASKS_OF_BETS + " and e.business_key_ = any(:betIds) order by t.create_time_, t.id_",
                new MapSqlParameterSource("betIds", betIds.stream().map(UUID::toString).toArray(String[]::new)), InboxQuery::task);
    }

    Optional<InboxTask> task(String taskId) {
        return jdbc.query(COLUMNS + TASKS_OF_BETS + " and t.id_ = :taskId", new MapSqlParameterSource("taskId", taskId),
                InboxQuery::task).stream().findFirst();
    }

    private static String where(Page page) {
        StringBuilder where = new StringBuilder(OF_THE_LIFECYCLE).append("""
                  and (t.assignee_ = :userId
                       or (t.assignee_ is null and exists (select 1 from act_ru_identitylink l
                            where l.task_id_ = t.id_ and l.type_ = 'candidate'
                              and (l.user_id_ = :userId or l.group_id_ in (:groups)))))
                """);
        if (Boolean.TRUE.equals(page.claimed())) {
            where.append(" and t.assignee_ is not null");
        } else if (Boolean.FALSE.equals(page.claimed())) {
            where.append(" and t.assignee_ is null");
        }
        return where.append(filters(page)).toString();
    }

    /** The filters besides who may act and whether the task is held. */
    private static String filters(Page page) {
        StringBuilder where = new StringBuilder();
        if (page.steps() != null) {
            where.append(" and t.task_def_key_ in (:steps)");
        }
        if (page.betId() != null) {
            where.append(" and e.business_key_ = :betId");
        }
        if (Boolean.TRUE.equals(page.overdue())) {
            where.append(" and t.due_date_ < :now");
        } else if (Boolean.FALSE.equals(page.overdue())) {
            where.append(" and (t.due_date_ is null or t.due_date_ >= :now)");
        }
        return where.toString();
    }

    private static MapSqlParameterSource parameters(Page page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("userId", page.userId())
                // an empty IN list is not valid SQL; no group is called this
                .addValue("groups", page.groups().isEmpty() ? List.of("") : new ArrayList<>(page.groups()))
                .addValue("noDueTime", TaskOrder.NO_DUE_TIMESTAMP);
        if (page.steps() != null) {
            parameters.addValue("steps", page.steps().isEmpty() ? List.of("") : new ArrayList<>(page.steps()));
        }
        if (page.betId() != null) {
            parameters.addValue("betId", page.betId().toString());
        }
        if (page.overdue() != null) {
            parameters.addValue("now", Timestamp.from(page.now()));
        }
        if (page.afterId() != null) {
            parameters.addValue("afterValue", page.afterValue() instanceof Instant instant
                            ? TaskOrder.NO_DUE_TIME.equals(instant) ? TaskOrder.NO_DUE_TIMESTAMP : Timestamp.from(instant)
                            : page.afterValue())
                    .addValue("afterId", page.afterId());
        }
        return parameters;
    }

    private static InboxTask task(ResultSet row, int index) throws SQLException {
        Timestamp due = row.getTimestamp("due_date_");
        return new InboxTask(row.getString("id_"), row.getString("task_def_key_"), row.getString("name_"),
                row.getString("description_"), UUID.fromString(row.getString("business_key_")),
                row.getTimestamp("create_time_").toInstant(), due == null ? null : due.toInstant(),
                row.getString("assignee_"), row.getInt("priority_"), row.getString("product_lead"),
                row.getString("engineering_lead"));
    }
}
