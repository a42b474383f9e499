package io.tandem.decision;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.Role;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections: a wrong decision-log entry is never edited; a new CORRECTION entry supersedes it. Each entry is
 * superseded at most once, so the log reads as one line of fixes.
 *
 * <p>What one side signed, that side may correct alone: an entry whose signers are of one side only (or an admin's) is
 * superseded at once by a CORRECTION signed by the corrector. An entry both sides signed ({@link #signedByBothSides})
 * is not one side's to rewrite: its correction is a {@link CorrectionProposal} that waits at the bet's CORRECTION gate
 * (the lifecycle opens it on {@link CorrectionProposed} and signs the proposer's side), and the entry is superseded only
 * when the other side approves there ({@link #apply}); turned down, a CORRECTION_REJECTED entry records it and nothing
 * is superseded ({@link #reject}).
 */
@Service
public class CorrectionService {

    private static final Set<String> SIDES = Set.of(Role.PRODUCT.group(), Role.ENGINEERING.group());

    /** What recordCorrection did: the CORRECTION entry recorded at once, or the proposal waiting for the other side. */
    public record Correction(Decision decision, CorrectionProposal proposal) {
    }

    private final DecisionRepository decisions;
    private final CorrectionProposalRepository proposals;
    private final DecisionLog log;
    private final BetService bets;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CorrectionService(DecisionRepository decisions, CorrectionProposalRepository proposals, DecisionLog log,
                      BetService bets, Clock clock, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.proposals = proposals;
        this.log = log;
        this.bets = bets;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Corrects {@code supersededId}: appends the CORRECTION when one side signed the entry, or proposes it at the
     * CORRECTION gate when both did. The bet's claim keeps the log's sequence and these checks race-free.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Correction correct(UUID betId, UUID supersededId, String rationale, Role signAs, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        Role side = user.side(signAs);
        if (!user.has(side)) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "signAs", user.displayName() + " does not hold the " + side.group() + " role");
        }
        Decision wrong = decisions.findById(supersededId).filter(d -> d.getBetId().equals(betId))
                .orElseThrow(() -> RuleViolation.notFound("supersedes", "Decision " + supersededId + " of this bet"));
        if (wrong.getKind() == DecisionKind.TABLE) {
            // leadership's choice and its cost: it changes at the table, not by one side's correction
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "supersedes", "Entry " + wrong.getSequence() + " is the betting"
                    + " table's, leadership's decision; it changes at the table");
        }
        if (signedByBothSides(wrong)) {
            // who may sign this side (the lead or their stand-in, never the person who signs the other) is the gate's rule
            String why = requireCorrectable(wrong, rationale);
            CorrectionProposal proposal = proposals.save(new CorrectionProposal(betId, wrong.getId(), why, user.id(),
                    user.displayName(), side.group(), StoredTime.now(clock)));
            events.publishEvent(new CorrectionProposed(betId, proposal.getId(), side, why, user));
            return new Correction(null, proposal);
        }
        String lead = bet.leadFor(side);
        if (lead != null && !lead.equals(user.id())) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId",
                    "Only the named " + side.group() + " lead (" + lead + ") corrects this bet's log for " + side.group());
        }
        String why = requireCorrectable(wrong, rationale);
        Signer signer = new Signer(user.id(), user.displayName(), side.group(), Answer.APPROVE.name(), null,
                StoredTime.now(clock));
        return new Correction(log.append(betId, new NewDecision(DecisionKind.CORRECTION, null, context(wrong), List.of(),
                null, why, List.of(signer), wrong.getId())), null);
    }

    /**
     * Whether both sides signed this entry: among its signers someone signed for product and someone for engineering
     * (their answers aside). So is every passed gate's entry, a refusal given after the other side had approved, and a
     * correction agreed at the CORRECTION gate; an entry of one side's signers (a refusal by the first to sign, an
     * edit, a lead's hand-over, a stand-in named or revoked, a correction recorded alone) or an admin's is not.
     */
    public static boolean signedByBothSides(Decision entry) {
        return entry.getSigners().stream().map(Signer::role).filter(SIDES::contains).collect(Collectors.toSet())
                .containsAll(SIDES);
    }

    /**
     * Appends the CORRECTION a proposal proposed, signed by both sides, once the other side approved it at the
     * CORRECTION gate (inside that sign-off's transaction, which holds the bet's claim). {@code note} is the approver's
     * reason, if they gave one.
     */
    @Transactional
    public Decision apply(UUID betId, CorrectionProposal proposal, List<Signer> signers, String note) {
        Decision wrong = decisions.findById(proposal.getSupersedesId()).orElseThrow();
        requireNotSuperseded(wrong);
        return log.append(betId, new NewDecision(DecisionKind.CORRECTION, Gate.CORRECTION, context(wrong), List.of(),
                proposal.getId().toString(), proposal.getRationale() + (note == null ? "" : "\n" + note), signers,
                wrong.getId()));
    }

    /** Records that the other side turned the proposal down: nothing is superseded. */
    @Transactional
    public Decision reject(UUID betId, CorrectionProposal proposal, String side, List<Signer> signers, String reason) {
        Decision wrong = decisions.findById(proposal.getSupersedesId()).orElseThrow();
        return log.append(betId, new NewDecision(DecisionKind.CORRECTION_REJECTED, Gate.CORRECTION, side
                + " turned down " + proposal.getSide() + "'s correction of entry " + wrong.getSequence() + " ("
                + wrong.getKind() + "): " + proposal.getRationale(), List.of(), proposal.getId().toString(), reason,
                signers, null));
    }

    /** The proposal of this bet with this id (as a gate's sign-off names it). */
    @Transactional(readOnly = true)
    public Optional<CorrectionProposal> proposal(UUID betId, String id) {
        try {
            return proposals.findById(UUID.fromString(id)).filter(p -> p.getBetId().equals(betId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public Map<UUID, CorrectionProposal> proposals(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : proposals.findByIdIn(ids).stream()
                .collect(Collectors.toMap(CorrectionProposal::getId, Function.identity()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<CorrectionProposal> readProposal(UUID id) {
        return proposals.findById(id);
    }

    /** The entry a proposal would supersede. */
    @Transactional(readOnly = true)
    public Decision corrected(CorrectionProposal proposal) {
        return decisions.findById(proposal.getSupersedesId()).orElseThrow();
    }

    /** For each of these entries that has been corrected, the entry that corrects it. */
    @Transactional(readOnly = true)
    public Map<UUID, Decision> supersededBy(Collection<UUID> decisionIds) {
        if (decisionIds.isEmpty()) {
            return Map.of();
        }
        return decisions.findBySupersedesIdInOrderBySequenceAsc(decisionIds).stream()
                .collect(Collectors.toMap(Decision::getSupersedesId, Function.identity(), (first, later) -> first));
    }

    private String requireCorrectable(Decision wrong, String rationale) {
        requireNotSuperseded(wrong);
        return Texts.required("rationale", rationale, Texts.SHORT_TEXT_MAX);
    }

    private void requireNotSuperseded(Decision wrong) {
        List<Decision> earlier = decisions.findBySupersedesIdInOrderBySequenceAsc(List.of(wrong.getId()));
        if (!earlier.isEmpty()) {
            throw RuleViolation.invalid("supersedes", "Entry " + wrong.getSequence() + " is already superseded by entry "
                    + earlier.get(0).getSequence() + "; correct that entry instead");
        }
    }

    private static String context(Decision wrong) {
        return "Corrects entry " + wrong.getSequence() + " (" + wrong.getKind() + ")";
    }

    /** A correction proposal keeps its proposer's name. */
    @Bean
    static NameCopy correctionProposalNames() {
        return NameCopy.column("correction_proposal", "proposed_by", "proposer_name");
    }
}
