package io.tandem.stewardship;

import io.tandem.bet.Bet;
import io.tandem.bet.BetEdit;
import io.tandem.bet.BetService;
import io.tandem.bet.StandIn;
import io.tandem.bet.StandIns;
import io.tandem.decision.Answer;
import io.tandem.decision.Decision;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.NewDecision;
import io.tandem.decision.Signer;
import io.tandem.lifecycle.SideTasks;
import io.tandem.lifecycle.TaskNames;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.Role;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.FieldChange;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits and changes of lead, each under its rules and logged. Every change claims the bet first (BetService
 * claimForChange), so two concurrent changes of one bet never both apply: the second gets CONFLICT.
 */
@Service
public class Stewardship {

    /** An edit applied: the bet as edited and its BET_EDITED entry. */
    public record Edited(Bet bet, Decision decision) {
    }

    /** What a change of lead did: applied (the bet and its log entry), or asked and waiting for its second person. */
    public record LeadChange(Bet bet, Decision decision, LeadReassignment pending) {
    }

    private final BetService bets;
    private final DecisionLog decisionLog;
    private final SideTasks sideTasks;
    private final LeadReassignmentRepository reassignments;
    private final Clock clock;
    private final StandIns standIns;
    private final TaskNames taskNames;

    Stewardship(BetService bets, DecisionLog decisionLog, SideTasks sideTasks, LeadReassignmentRepository reassignments,
                Clock clock, StandIns standIns, TaskNames taskNames) {
        this.bets = bets;
        this.taskNames = taskNames;
        this.standIns = standIns;
        this.decisionLog = decisionLog;
        this.sideTasks = sideTasks;
        this.reassignments = reassignments;
        this.clock = clock;
    }

    /**
     * Edits the bet as one of its leads; where a side names no lead, anyone of that side's role edits for it. Logged as
     * BET_EDITED with each field's old and new value, and the editor's reason if they gave one.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Edited edit(UUID betId, BetEdit edit, String reason, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        Role side = editingSide(bet, user);
        String why = Texts.optional("reason", reason, Texts.SHORT_TEXT_MAX);
        String oldTitle = bet.getTitle();
        List<FieldChange> changes = bets.edit(bet, edit);
        if (!oldTitle.equals(bet.getTitle())) {
            taskNames.retitle(betId, oldTitle, bet);
        }
        return new Edited(bet, decisionLog.append(betId, NewDecision.changed(DecisionKind.BET_EDITED, "Edited "
                + changes.stream().map(FieldChange::field).collect(Collectors.joining(", ")), why,
                List.of(signer(user, side)), changes)));
    }

    /**
     * Hands a side's lead to {@code to}. The outgoing lead hands over alone; a side with no lead is given one by anyone
     * of its role; otherwise the other side's lead and an admin reassign it, two people: the first asks, the second
     * confirms the same person. The side's open sign-offs move to the new lead.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering','admin')")
    public LeadChange changeLead(UUID betId, Role side, String to, String reason, CurrentUser user) {
        if (side != Role.PRODUCT && side != Role.ENGINEERING) {
            throw RuleViolation.invalid("side", "A bet has a PRODUCT and an ENGINEERING lead, not " + side);
        }
        Bet bet = bets.claimForChange(betId, "betId");
        String outgoing = bet.leadFor(side);
        if (outgoing == null || outgoing.equals(user.id())) {
            if (!user.has(side)) {
                throw new RuleViolation(ErrorCode.WRONG_ROLE, "side", "Naming the " + side.group() + " lead needs the "
                        + side.group() + " role");
            }
            return apply(bet, side, to, Texts.optional("reason", reason, Texts.SHORT_TEXT_MAX), List.of(signer(user, side)));
        }
        LeadReassignment.Capacity capacity = capacity(bet, side, user);
        String why = Texts.required("reason", reason, Texts.SHORT_TEXT_MAX);
        String lead = Texts.required("to", to, Texts.USER_ID_MAX);
        Optional<LeadReassignment> asked = reassignments.findByBetIdAndSide(betId, side);
        if (asked.isEmpty() || asked.get().getAskedBy().equals(user.id()) && !asked.get().getTo().equals(lead)) {
            asked.ifPresent(reassignments::delete);
            reassignments.flush();
            // checks the new lead now, so the second person is not asked to confirm a change that cannot be made
            bets.checkLeadChange(bet, side, lead);
            LeadReassignment ask = reassignments.save(new LeadReassignment(betId, side, lead, user.id(), user.displayName(),
                    capacity, why, StoredTime.now(clock)));
            return new LeadChange(bet, null, ask);
        }
        LeadReassignment first = asked.get();
        if (first.getAskedBy().equals(user.id())) {
            throw new RuleViolation(ErrorCode.SAME_PERSON, "betId", user.displayName() + " already asked for this"
                    + " reassignment; the " + (capacity == LeadReassignment.Capacity.ADMIN ? "other side's lead" : "admin")
                    + " confirms it");
        }
        if (first.getAskedAs() == capacity) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "betId", first.getAskedByName() + " asked as "
                    + describe(capacity) + "; the reassignment needs " + describe(other(capacity)) + " to confirm it");
        }
        if (!first.getTo().equals(lead)) {
            throw new RuleViolation(ErrorCode.CHOICE_MISMATCH, "to", first.getAskedByName() + " asked to reassign the "
                    + side.group() + " lead to " + first.getTo() + ", not " + lead);
        }
        Signer asker = new Signer(first.getAskedBy(), first.getAskedByName(), first.getAskedAs() == LeadReassignment.Capacity.ADMIN
                ? Role.ADMIN.group() : other(side).group(), Answer.APPROVE.name(), null, first.getAskedAt());
        Signer confirmer = capacity == LeadReassignment.Capacity.ADMIN ? signer(user, Role.ADMIN) : signer(user, other(side));
        return apply(bet, side, lead, first.getReason() + (why.equals(first.getReason()) ? "" : " / " + why),
                List.of(asker, confirmer));
    }

    /**
     * Names a stand-in to sign {@code side} for its lead from {@code from} (now when null) until {@code to}; only that
     * lead names one. Logged as STAND_IN_NAMED; a period that has begun offers the side's open sign-offs at once.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public StandIn nameStandIn(UUID betId, Role side, String standIn, Instant from, Instant to, CurrentUser user) {
        if (side != Role.PRODUCT && side != Role.ENGINEERING) {
            throw RuleViolation.invalid("side", "Stand-ins sign PRODUCT or ENGINEERING, not " + side);
        }
        Bet bet = bets.claimForChange(betId, "betId");
        String lead = bet.leadFor(side);
        if (lead != null && !lead.equals(user.id())) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId", "Only the " + side.group() + " lead (" + lead
                    + ") names who stands in for them");
        }
        StandIn named = standIns.name(bet, side, standIn, from, to);
        decisionLog.append(betId, NewDecision.changed(DecisionKind.STAND_IN_NAMED, "A stand-in for the " + side.group()
                + " lead from " + named.getStartsAt() + " until " + named.getEndsAt(),
                null, List.of(signer(user, side)), List.of(new FieldChange(side.group() + "StandIn", null, named.getStandIn()))));
        if (named.activeAt(clock.instant())) {
            sideTasks.offer(betId, side, named.getStandIn());
            standIns.markOffered(named);
        }
        return named;
    }

    /** Ends a stand-in's period now, by the lead who named them or by the stand-in; logged as STAND_IN_REVOKED. */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public StandIn revokeStandIn(UUID standInId, CurrentUser user) {
        StandIn standIn = standIns.get(standInId);
        bets.claimForChange(standIn.getBetId(), "standInId");
        if (!user.id().equals(standIn.getLead()) && !user.id().equals(standIn.getStandIn())) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "standInId", "Only " + standIn.getLead() + ", who named the"
                    + " stand-in, or " + standIn.getStandIn() + " ends it");
        }
        if (standIn.endedAt(clock.instant())) {
            throw RuleViolation.invalid("standInId", "This stand-in's period is already over");
        }
        standIns.revoke(standInId);
        decisionLog.append(standIn.getBetId(), NewDecision.changed(DecisionKind.STAND_IN_REVOKED, "The "
                        + standIn.getSide().group() + " lead's stand-in no longer stands in", null,
                List.of(signer(user, standIn.getSide())),
                List.of(new FieldChange(standIn.getSide().group() + "StandIn", standIn.getStandIn(), null))));
        withdraw(standIn);
        return standIn;
    }

    /** Offers and withdraws the sign-offs of stand-ins whose period began or ended since the last look (StandInSchedule). */
    @Transactional
    public int keepStandInsInStep() {
        List<StandIn> due = standIns.due();
        for (StandIn standIn : due) {
            if (standIn.endedAt(clock.instant())) {
                withdraw(standIn);
            } else {
                sideTasks.offer(standIn.getBetId(), standIn.getSide(), standIn.getStandIn());
                standIns.markOffered(standIn);
            }
        }
        return due.size();
    }

    /** A stand-in for a reader of the API. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<StandIn> readStandIn(UUID id) {
        return standIns.find(id);
    }

    /** The stand-ins of these bets that are current or still to come. */
    @Transactional(readOnly = true)
    public List<StandIn> standIns(Collection<UUID> betIds) {
        return standIns.currentOrComing(betIds);
    }

    private void withdraw(StandIn standIn) {
        if (standIn.getOfferedAt() != null && standIn.getWithdrawnAt() == null) {
            // the same person may still stand in through another period
            if (!standIns.activeFor(standIn.getBetId(), standIn.getSide()).contains(standIn.getStandIn())) {
                sideTasks.withdraw(standIn.getBetId(), standIn.getSide(), standIn.getStandIn());
            }
            standIns.markWithdrawn(standIn);
        }
    }

    /** The reassignments of these bets waiting for their second person. */
    @Transactional(readOnly = true)
    public List<LeadReassignment> pending(Collection<UUID> betIds) {
        return betIds.isEmpty() ? List.of() : reassignments.findByBetIdInOrderByAskedAt(betIds);
    }

    private LeadChange apply(Bet bet, Role side, String to, String reason, List<Signer> signers) {
        FieldChange change = bets.changeLead(bet, side, to);
        reassignments.findByBetIdAndSide(bet.getId(), side).ifPresent(reassignments::delete);
        // a stand-in stood in for the outgoing lead: the new lead names their own
        standIns.endAll(bet.getId(), side).forEach(standIns::markWithdrawn);
        sideTasks.moveTo(bet.getId(), side, change.to(), change.from());
        Decision decision = decisionLog.append(bet.getId(), NewDecision.changed(DecisionKind.LEAD_CHANGED,
                "The " + side.group() + " lead changed", reason,
                signers, List.of(change)));
        return new LeadChange(bet, decision, null);
    }

    /** The side an editor edits for: one they lead, or one they hold the role of that names no lead. */
    private static Role editingSide(Bet bet, CurrentUser user) {
        List<Role> sides = new ArrayList<>();
        for (Role side : List.of(Role.PRODUCT, Role.ENGINEERING)) {
            String lead = bet.leadFor(side);
            if (user.id().equals(lead) || lead == null && user.has(side)) {
                sides.add(side);
            }
        }
        if (sides.isEmpty()) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId", "Only the bet's leads edit it ("
                    + leads(bet) + ")");
        }
        return sides.get(0);
    }

    private static LeadReassignment.Capacity capacity(Bet bet, Role side, CurrentUser user) {
        Role otherSide = other(side);
        String otherLead = bet.leadFor(otherSide);
        if (user.id().equals(otherLead) || otherLead == null && user.has(otherSide)) {
            return LeadReassignment.Capacity.OTHER_SIDE_LEAD;
        }
        if (user.has(Role.ADMIN)) {
            return LeadReassignment.Capacity.ADMIN;
        }
        throw new RuleViolation(user.has(side) || user.has(otherSide) ? ErrorCode.NOT_THE_LEAD : ErrorCode.WRONG_ROLE, "betId",
                "Only " + bet.leadFor(side) + " hands over the " + side.group() + " lead; reassigning it takes the "
                        + otherSide.group() + " lead (" + (otherLead == null ? "anyone of the " + otherSide.group() + " role"
                        : otherLead) + ") and an admin");
    }

    private static String leads(Bet bet) {
        return (bet.getProductLead() == null ? "product: anyone of the role" : "product: " + bet.getProductLead()) + "; "
                + (bet.getEngineeringLead() == null ? "engineering: anyone of the role" : "engineering: " + bet.getEngineeringLead());
    }

    private static Role other(Role side) {
        return side == Role.PRODUCT ? Role.ENGINEERING : Role.PRODUCT;
    }

    private static LeadReassignment.Capacity other(LeadReassignment.Capacity capacity) {
        return capacity == LeadReassignment.Capacity.ADMIN ? LeadReassignment.Capacity.OTHER_SIDE_LEAD : LeadReassignment.Capacity.ADMIN;
    }

    private static String describe(LeadReassignment.Capacity capacity) {
        return capacity == LeadReassignment.Capacity.ADMIN ? "an admin" : "the other side's lead";
    }

    private Signer signer(CurrentUser user, Role side) {
        return new Signer(user.id(), user.displayName(), side.group(), Answer.APPROVE.name(), null, StoredTime.now(clock));
    }

    /** An asked reassignment keeps the asker's name. */
    @Bean
    static NameCopy reassignmentNames() {
        return NameCopy.column("lead_reassignment", "asked_by", "asked_by_name");
    }
}
