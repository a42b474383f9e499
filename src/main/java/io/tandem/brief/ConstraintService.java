package io.tandem.brief;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The technical constraints ledger: engineering writes, product acknowledges each constraint once, nothing is erased.
 * Which gates an unacknowledged constraint holds is the lifecycle's rule (ConstraintHolds).
 */
@Service
public class ConstraintService {

    private final TechnicalConstraintRepository constraints;
    private final ConstraintAcknowledgementRepository acknowledgements;
    private final BetService bets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConstraintService(TechnicalConstraintRepository constraints, ConstraintAcknowledgementRepository acknowledgements,
                      BetService bets, ApplicationEventPublisher events, Clock clock) {
        this.constraints = constraints;
        this.acknowledgements = acknowledgements;
        this.bets = bets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public TechnicalConstraint add(UUID betId, String title, String description, TechnicalConstraint.Severity severity,
                                   CurrentUser author) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.isClosed()) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "The bet is closed");
        }
        if (severity == null) {
            throw RuleViolation.invalid("severity", "severity must be given");
        }
        TechnicalConstraint constraint = new TechnicalConstraint(betId,
                Texts.required("title", title, Texts.TITLE_MAX),
                Texts.required("description", description, Texts.LONG_TEXT_MAX),
                severity, author.id(), author.displayName(), StoredTime.now(clock));
        TechnicalConstraint saved = constraints.save(constraint);
        events.publishEvent(new ConstraintAdded(betId, saved.getId(), severity, saved.getTitle(), author.displayName()));
        return saved;
    }

    /**
     * Product acknowledges a constraint. A constraint is acknowledged once: acknowledging it again changes nothing, so
     * whichever door came first (this one, or completing its task in Tasklist) the other neither fails nor records
     * a second acknowledgement.
     */
    @Transactional
    @PreAuthorize("hasRole('product')")
    public void acknowledge(UUID constraintId, String response, CurrentUser product) {
        acknowledgeAs(constraintId, response, product);
    }

    /**
     * The same acknowledgement through the engine's door: completing the constraint's acknowledgement task, whose
     * listener has checked that the person completing it holds the product role.
     */
    @Transactional
    public void acknowledgeAs(UUID constraintId, String response, CurrentUser product) {
        TechnicalConstraint constraint = constraints.findById(constraintId)
                .orElseThrow(() -> RuleViolation.notFound("constraintId", "Constraint " + constraintId));
        Bet bet = bets.claimForChange(constraint.getBetId(), "constraintId");
        if (bet.isClosed()) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "constraintId", "The bet is closed");
        }
        String text = Texts.optional("response", response, Texts.SHORT_TEXT_MAX);
        if (acknowledgements.existsByConstraintId(constraintId)) {
            return;
        }
        acknowledgements.saveAndFlush(new ConstraintAcknowledgement(constraintId, constraint.getBetId(), product.id(),
                product.displayName(), text, StoredTime.now(clock)));
        events.publishEvent(new ConstraintAcknowledged(constraint.getBetId(), constraintId, constraint.getTitle(), product));
    }

    /** How many of the bet's constraints of these severities product has not acknowledged yet. */
    @Transactional(readOnly = true)
    public long unacknowledged(UUID betId, Collection<TechnicalConstraint.Severity> severities) {
        return severities.isEmpty() ? 0 : constraints.countUnacknowledged(betId, severities);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<TechnicalConstraint>> forBets(Collection<UUID> betIds) {
        return constraints.findByBetIds(betIds.toArray(UUID[]::new)).stream()
                .collect(Collectors.groupingBy(TechnicalConstraint::getBetId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<TechnicalConstraint> read(UUID id) {
        return constraints.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<ConstraintAcknowledgement>> acknowledgementsOf(Collection<UUID> constraintIds) {
        return acknowledgements.findByConstraintIdInOrderByCreatedAtAsc(constraintIds).stream()
                .collect(Collectors.groupingBy(ConstraintAcknowledgement::getConstraintId));
    }

    /** A constraint keeps its author's name. */
    @Bean
    static NameCopy constraintNames() {
        return NameCopy.column("technical_constraint", "author_id", "author_name");
    }

    /** An acknowledgement keeps the name of who acknowledged. */
    @Bean
    static NameCopy acknowledgementNames() {
        return NameCopy.column("constraint_acknowledgement", "acknowledged_by", "acknowledged_by_name");
    }
}
