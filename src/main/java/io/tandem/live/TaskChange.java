package io.tandem.live;

import io.tandem.decision.Gate;
import io.tandem.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something happened to a workflow task that someone's inbox shows. Raised inside the transaction that did
 * it and delivered to subscribers only once that transaction committed (see {@link LiveEvents}).
 *
 * @param kind             what happened
 * @param taskId           the engine's task id (the id Tasklist and {@code waitingOn} show)
 * @param betId            the bet whose process holds the task
 * @param step             the task definition key, such as task_sign_framing_product
 * @param gate             the gate a sign-off task belongs to; null for work steps
 * @param role             the role that acts on the task; null when the step is not one Tandem knows
 * @param lead             the bet's named lead for that role, who alone acts on it with {@code standIns}; null when
 *                         none is named; for OFFERED the person it was offered to, for WITHDRAWN the one it was taken from
 * @param standIns         who stands in for that lead right now
 * @param assignee         who holds the task now (null when nobody claimed it)
 * @param previousAssignee who held it before this change, for CLAIMED / UNCLAIMED (a hand-over tells both people)
 * @param at               when it happened
 */
public record TaskChange(Kind kind, String taskId, UUID betId, String step, Gate gate, Role role, String lead,
                         List<String> standIns, String assignee, String previousAssignee, Instant at) {

    /** What happened to the task. */
    public enum Kind {
        /** The task opened: someone may act on it. */
        CREATED,
        /** Someone took the task (claimed it, or it was handed to them). */
        CLAIMED,
        /** The task's holder gave it back; anyone of its role may take it. */
        UNCLAIMED,
        /** Someone did the task. */
        COMPLETED,
        /** The task waited too long and was raised. */
        ESCALATED,
        /** The task went away undone: the gate round restarted, the bet was killed, or the process moved on. */
        CANCELLED,
        /** The task is now the lead's to act on (the side's lead changed), or a stand-in's (their period began). */
        OFFERED,
        /** The task is no longer theirs: they stopped leading the side, or their stand-in period ended. */
        WITHDRAWN
    }

    public TaskChange {
        standIns = standIns == null ? List.of() : List.copyOf(standIns);
    }

    /** A change with no previous assignee to tell (everything but a claim, an unclaim or a hand-over). */
    public TaskChange(Kind kind, String taskId, UUID betId, String step, Gate gate, Role role, String lead,
                      List<String> standIns, String assignee, Instant at) {
        this(kind, taskId, betId, step, gate, role, lead, standIns, assignee, null, at);
    }
}
