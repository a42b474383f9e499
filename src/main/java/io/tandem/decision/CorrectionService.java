package io.tandem.decision;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.security.CurrentUser;
import io.tandem.security.Role;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections: a wrong decision-log entry is never edited; a new CORRECTION entry supersedes it, signed by
 * the person who corrects it. Each entry is superseded at most once, so the log reads as one line of fixes.
 */
@Service
public class CorrectionService {

    private final DecisionRepository decisions;
    private final DecisionLog log;
    private final BetService bets;
    private final Clock clock;

    CorrectionService(DecisionRepository decisions, DecisionLog log, BetService bets, Clock clock) {
        this.decisions = decisions;
        this.log = log;
        this.bets = bets;
        this.clock = clock;
    }

    /** Appends a CORRECTION superseding {@code supersededId}; the bet's claim keeps the log's sequence and this check race-free. */
    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Decision correct(UUID betId, UUID supersededId, String rationale, Role signAs, CurrentUser user) {
        Bet bet = bets.claimForChange(betId, "betId");
        Role side = user.side(signAs);
        if (!user.has(side)) {
            throw new RuleViolation(ErrorCode.WRONG_ROLE, "signAs", user.displayName() + " does not hold the " + side.group() + " role");
        }
        String lead = bet.leadFor(side);
        if (lead != null && !lead.equals(user.id())) {
            throw new RuleViolation(ErrorCode.NOT_THE_LEAD, "betId",
                    "Only the named " + side.group() + " lead (" + lead + ") corrects this bet's log for " + side.group());
        }
        Decision wrong = decisions.findById(supersededId).filter(d -> d.getBetId().equals(betId))
                .orElseThrow(() -> RuleViolation.notFound("supersedes", "Decision " + supersededId + " of this bet"));
        List<Decision> earlier = decisions.findBySupersedesIdInOrderBySequenceAsc(List.of(wrong.getId()));
        if (!earlier.isEmpty()) {
            throw RuleViolation.invalid("supersedes", "Entry " + wrong.getSequence() + " is already superseded by entry "
                    + earlier.get(0).getSequence() + "; correct that entry instead");
        }
        String why = Texts.required("rationale", rationale, Texts.SHORT_TEXT_MAX);
        Signer signer = new Signer(user.id(), user.displayName(), side.group(), Answer.APPROVE.name(), null,
                StoredTime.now(clock));
        return log.append(betId, new NewDecision(DecisionKind.CORRECTION, null,
                "Corrects entry " + wrong.getSequence() + " (" + wrong.getKind() + ")", List.of(), null, why,
                List.of(signer), wrong.getId()));
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
}
