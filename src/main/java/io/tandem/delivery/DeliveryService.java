package io.tandem.delivery;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** Delivery's own records: status updates, and the change requests the lifecycle puts to both sides. */
@Service
public class DeliveryService {

    private final StatusUpdateRepository statusUpdates;
    private final ChangeRequestRepository changeRequests;
    private final BetService bets;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    DeliveryService(StatusUpdateRepository statusUpdates, ChangeRequestRepository changeRequests, BetService bets, Clock clock,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.statusUpdates = statusUpdates;
        this.changeRequests = changeRequests;
        this.bets = bets;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public StatusUpdate postStatus(UUID betId, DeliveryStatus status, String text, CurrentUser author) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (bet.getStage() != Stage.DELIVERY) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Status updates are posted during delivery; the bet is in " + bet.getStage());
        }
        if (status == null) {
            throw RuleViolation.invalid("status", "status must be given");
        }
        StatusUpdate update = statusUpdates.save(new StatusUpdate(betId, status, Texts.required("text", text,
                Texts.SHORT_TEXT_MAX), author.id(), author.displayName(), StoredTime.now(clock)));
        events.publishEvent(new StatusUpdatePosted(betId, update.getId(), status));
        return update;
    }

    /** Validates and stores a change request; the lifecycle has claimed the bet and opens the gate. */
    @Transactional
    public ChangeRequest request(Bet bet, ChangeDraft draft, boolean windowPassed, String requestedBy) {
        if (draft.kind() == null) {
            throw RuleViolation.invalid("kind", "kind must be given");
        }
        String rationale = Texts.required("rationale", draft.rationale(), Texts.SHORT_TEXT_MAX);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (draft.newWindow() != null && !draft.newWindow().isAfter(today.minusDays(1))) {
            throw RuleViolation.invalid("newWindow", "The new window " + draft.newWindow() + " is in the past");
        }
        if (draft.kind() == ChangeRequest.Kind.WINDOW) {
            if (draft.newWindow() == null) {
                throw RuleViolation.invalid("newWindow", "A window change names the new window");
            }
            if (draft.newWindow().equals(bet.getWindowDate())) {
                throw RuleViolation.invalid("newWindow", "The window is already " + bet.getWindowDate());
            }
            return requested(new ChangeRequest(bet.getId(), draft.kind(), draft.newWindow(), null, false, null,
                    rationale, requestedBy, StoredTime.now(clock)));
        }
        String scope = Texts.required("newScope", draft.newScope(), Texts.LONG_TEXT_MAX);
        String harm = Texts.optional("customerHarm", draft.customerHarm(), Texts.LONG_TEXT_MAX);
        if (draft.cut() && harm == null) {
            throw new RuleViolation(ErrorCode.HARM_THEORY_REQUIRED, "customerHarm",
                    "A scope cut needs a theory of customer harm: who loses what, and why that is acceptable");
        }
        if (windowPassed && draft.newWindow() == null) {
            throw RuleViolation.invalid("newWindow", "The window has passed: a scope cut also names the window the smaller scope ships in");
        }
        return requested(new ChangeRequest(bet.getId(), draft.kind(), draft.newWindow(), scope, draft.cut(), harm,
                rationale, requestedBy, StoredTime.now(clock)));
    }

    private ChangeRequest requested(ChangeRequest request) {
        ChangeRequest saved = changeRequests.save(request);
        events.publishEvent(new ChangeRequested(saved.getBetId(), saved.getId(), saved.getKind()));
        return saved;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<ChangeRequest> readChangeRequest(UUID id) {
        return changeRequests.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<ChangeRequest> changeRequest(UUID id) {
        return changeRequests.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<StatusUpdate>> statusUpdates(Collection<UUID> betIds) {
        return statusUpdates.findByBetIdInOrderByCreatedAtAsc(betIds).stream().collect(Collectors.groupingBy(StatusUpdate::getBetId));
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<ChangeRequest>> changeRequests(Collection<UUID> betIds) {
        return changeRequests.findByBetIdInOrderByRequestedAtAsc(betIds).stream().collect(Collectors.groupingBy(ChangeRequest::getBetId));
    }

    /** A status update keeps its author's name. */
    @Bean
    static NameCopy statusUpdateNames() {
        return NameCopy.column("status_update", "author_id", "author_name");
    }
}
