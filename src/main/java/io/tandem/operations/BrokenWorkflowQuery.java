package io.tandem.operations;

import io.tandem.bet.Stage;
import io.tandem.lifecycle.BetLifecycle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.operaton.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds broken workflows in one statement over Tandem's bets and the engine's runtime tables: each bet that is not
 * CLOSED, its process instance by business key (only a process instance's row carries one), and whether anything of
 * that instance waits (an open task or a job) or has failed (an incident).
 *
 * <p>Every open bet has to be compared with its process, so the statement reads them all: PostgreSQL hash-joins the
 * bets with the process instances found through the business-key index, and checks each instance against the task and
 * job tables' process-instance ids, each hashed once (anti-joins, as hashed subplans under the OR). At 100,000 bets
 * (85,000 open, 109,000 tasks, 88,000 jobs) a count took 210–360 ms on two vCPUs other builds shared; the same
 * checks written as separate anti-joins under a UNION ALL were no faster. For one bet it reads a few index entries
 * (0.5 ms, and 3 ms to plan).
 */
@Repository
class BrokenWorkflowQuery {

    private static final String PROBLEMS = """
            select b.id, b.created_at, b.stage, p.id_ as process_instance_id,
                   case when p.id_ is null then 'GONE'
                        when p.suspension_state_ = %2$d then 'SUSPENDED'
                        when exists (select 1 from act_ru_incident i where i.proc_inst_id_ = p.id_) then 'INCIDENT'
                        else 'STUCK' end as problem,
                   (select string_agg(i.incident_type_ || ' at ' || coalesce(i.activity_id_, 'an unknown activity'), ', '
                                      order by i.incident_timestamp_)
                      from act_ru_incident i where i.proc_inst_id_ = p.id_) as incidents
              from bet b
              left join act_ru_execution p on p.business_key_ = cast(b.id as varchar) and p.business_key_ is not null
                                          and p.proc_def_id_ like '%1$s:%%'
             where b.stage <> 'CLOSED' %3$s
               and (p.id_ is null
                    or p.suspension_state_ = %2$d
                    or exists (select 1 from act_ru_incident i where i.proc_inst_id_ = p.id_)
                    or (not exists (select 1 from act_ru_task t where t.proc_inst_id_ = p.id_)
                        and not exists (select 1 from act_ru_job j where j.process_instance_id_ = p.id_)))
            """;

    private final NamedParameterJdbcTemplate jdbc;

    BrokenWorkflowQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The broken workflows of bets created after the keyset position (or from the first), oldest bet first. Materialized
     * so that PostgreSQL finds them all and then sorts the few it found: planned for the limit, it walked the bets in
     * order and looked up each one's process, twice as slow when (as usual) few or none are broken (a median of 540
     * against 260 ms at 100,000 bets).
     */
    List<BrokenWorkflow> page(Instant afterCreatedAt, UUID afterId, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        String after = "";
        if (afterId != null) {
            after = "and (b.created_at, b.id) > (:afterCreatedAt, :afterId)";
            parameters.addValue("afterCreatedAt", Timestamp.from(afterCreatedAt)).addValue("afterId", afterId);
        }
        return jdbc.query("with broken as materialized (" + problems(after) + ")"
                + " select * from broken order by created_at, id limit :limit", parameters, BrokenWorkflowQuery::row);
    }

    /** How many bets have each problem; every problem is there, most often with 0. */
    Map<WorkflowProblem, Long> counts() {
        Map<WorkflowProblem, Long> counts = new EnumMap<>(WorkflowProblem.class);
        for (WorkflowProblem problem : WorkflowProblem.values()) {
            counts.put(problem, 0L);
        }
        jdbc.query("select problem, count(*) as bets from (" + problems("") + ") broken group by problem", rs -> {
            counts.put(WorkflowProblem.valueOf(rs.getString("problem")), rs.getLong("bets"));
        });
        return counts;
    }

    /** The bet's broken workflow; empty when its workflow is healthy, the bet is CLOSED or there is no such bet. */
    Optional<BrokenWorkflow> of(UUID betId) {
        return jdbc.query(problems("and b.id = :betId"), new MapSqlParameterSource("betId", betId), BrokenWorkflowQuery::row)
                .stream().findFirst();
    }

    private static String problems(String betFilter) {
        // literals, not parameters: the process key and the state code are constants of the schema
        return PROBLEMS.formatted(BetLifecycle.PROCESS_KEY, SuspensionState.SUSPENDED.getStateCode(), betFilter);
    }

    private static BrokenWorkflow row(ResultSet rs, int rowNumber) throws SQLException {
        return new BrokenWorkflow(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                Stage.valueOf(rs.getString("stage")), WorkflowProblem.valueOf(rs.getString("problem")),
                rs.getString("process_instance_id"), rs.getString("incidents"));
    }
}
