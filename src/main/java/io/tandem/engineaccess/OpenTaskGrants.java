package io.tandem.engineaccess;

import io.tandem.lifecycle.BetLifecycle;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine writes a task's authorizations when the task gets its candidates or its holder. A task opened while the
 * engine's authorization was off (a database from before it was on) has none, and its people would not see it in
 * Tasklist; at start, such tasks of the lifecycle get the authorizations they would have had. One statement, which finds
 * nothing to do once every open task has them; a replica starting at the same moment writes the same rows, and the
 * engine's unique keys make the second write a no-op.
 */
@Component
class OpenTaskGrants {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskGrants.class);

    private static final String GRANT_WHAT_IS_MISSING = """
            insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_)
            select gen_random_uuid()::text, 1, ?, people.group_id, people.user_id, ?, people.task_id, ?
            from (
                select link.task_id_ as task_id, link.group_id_ as group_id, link.user_id_ as user_id
                from act_ru_identitylink link
                join act_ru_task task on task.id_ = link.task_id_
                join act_re_procdef definition on definition.id_ = task.proc_def_id_
                where link.type_ = 'candidate' and definition.key_ = ?
                union
                select task.id_, null, task.assignee_
                from act_ru_task task
                join act_re_procdef definition on definition.id_ = task.proc_def_id_
                where task.assignee_ is not null and definition.key_ = ?
            ) people
            where not exists (
                select 1 from act_ru_authorization granted
                where granted.type_ = ? and granted.resource_type_ = ? and granted.resource_id_ = people.task_id
                  and granted.group_id_ is not distinct from people.group_id
                  and granted.user_id_ is not distinct from people.user_id)
            on conflict do nothing
            """;

    private final JdbcTemplate jdbc;

    OpenTaskGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void grantWhatIsMissing() {
        int task = Resources.TASK.resourceType();
        int granted = jdbc.update(GRANT_WHAT_IS_MISSING, Authorization.AUTH_TYPE_GRANT, task,
                CandidateTaskAuthorizations.taskPermissionMask(), BetLifecycle.PROCESS_KEY, BetLifecycle.PROCESS_KEY,
                Authorization.AUTH_TYPE_GRANT, task);
        if (granted > 0) {
            log.info("Gave {} people of open lifecycle tasks the authorizations of their tasks", granted);
        }
    }
}
