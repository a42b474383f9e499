package io.tandem.lifecycle;

import io.tandem.decision.Gate;
import io.tandem.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A sign-off that waited past the stall threshold, as its stall timer recorded it. Append-only. */
@Entity
@Immutable
@Table(name = "task_escalation")
public class TaskEscalation {

    @Id
    private UUID id;
    private UUID betId;
    private String taskId;
    private String step;
    @Enumerated(EnumType.STRING)
    private Gate gate;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String assignee;
    private Instant waitingSince;
    private Instant escalatedAt;

    protected TaskEscalation() {
    }

    TaskEscalation(UUID betId, String taskId, String step, Gate gate, Role role, String assignee, Instant waitingSince,
                   Instant escalatedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.taskId = taskId;
        this.step = step;
        this.gate = gate;
        this.role = role;
        this.assignee = assignee;
        this.waitingSince = waitingSince;
        this.escalatedAt = escalatedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public String getTaskId() { return taskId; }
    public String getStep() { return step; }
    public Gate getGate() { return gate; }
    public Role getRole() { return role; }
    public String getAssignee() { return assignee; }
    public Instant getWaitingSince() { return waitingSince; }
    public Instant getEscalatedAt() { return escalatedAt; }
}
