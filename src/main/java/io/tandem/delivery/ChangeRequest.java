package io.tandem.delivery;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A proposed change to a committed bet: a new window, or a new scope (a cut needs a theory of customer
 * harm). It takes effect only when both sides sign it; what was decided is in the decision log.
 */
@Entity
@Immutable
@Table(name = "change_request")
public class ChangeRequest {

    public enum Kind { WINDOW, SCOPE }

    @Id
    private UUID id;
    private UUID betId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate newWindow;
    private String newScope;
    private boolean scopeCut;
    private String customerHarm;
    private String rationale;
    private String requestedBy;
    private Instant requestedAt;

    protected ChangeRequest() {
    }

    ChangeRequest(UUID betId, Kind kind, LocalDate newWindow, String newScope, boolean scopeCut, String customerHarm,
                  String rationale, String requestedBy, Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.betId = betId;
        this.kind = kind;
        this.newWindow = newWindow;
        this.newScope = newScope;
        this.scopeCut = scopeCut;
        this.customerHarm = customerHarm;
        this.rationale = rationale;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public UUID getId() { return id; }
    public UUID getBetId() { return betId; }
    public Kind getKind() { return kind; }
    public LocalDate getNewWindow() { return newWindow; }
    public String getNewScope() { return newScope; }
    public boolean isScopeCut() { return scopeCut; }
    public String getCustomerHarm() { return customerHarm; }
    public String getRationale() { return rationale; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
}
