package io.tandem.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.bet.Stage;
import io.tandem.security.CurrentUser;
import io.tandem.security.NameCopy;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.Hashes;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
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

/** Problem briefs: every revision kept, the latest one is the brief; frozen once the bet is committed. */
@Service
public class BriefService {

    static final BigDecimal APPETITE_MAX = new BigDecimal("10000");

    static final int MAX_METRICS = 20;
    static final int MAX_NON_GOALS = 50;
    private static final Set<Stage> REVISABLE = Set.of(Stage.FRAMING, Stage.SPIKE, Stage.COMMITMENT);

    private final BriefRevisionRepository revisions;
    private final BetService bets;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BriefService(BriefRevisionRepository revisions, BetService bets, ObjectMapper objectMapper,
                 ApplicationEventPublisher events, Clock clock) {
        this.revisions = revisions;
        this.bets = bets;
        this.objectMapper = objectMapper;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('product')")
    public BriefRevision revise(UUID betId, BriefContent draft, CurrentUser author) {
        Bet bet = bets.claimForChange(betId, "betId");
        if (!REVISABLE.contains(bet.getStage())) {
            throw new RuleViolation(ErrorCode.BRIEF_FROZEN, "betId",
                    "The brief froze at commitment; the bet is in " + bet.getStage() + ". Record a scope or window change instead.");
        }
        BriefContent content = validated(draft);
        int next = revisions.findFirstByBetIdOrderByRevisionDesc(betId).map(r -> r.getRevision() + 1).orElse(1);
        BriefRevision revision = new BriefRevision(betId, next, content, hash(content), author.id(),
                author.displayName(), StoredTime.now(clock));
        revisions.save(revision);
        events.publishEvent(new BriefRevised(betId, revision.getRevision(), revision.getContentHash()));
        return revision;
    }

    @Transactional(readOnly = true)
    public Optional<BriefRevision> latest(UUID betId) {
        return revisions.findFirstByBetIdOrderByRevisionDesc(betId);
    }

    @Transactional(readOnly = true)
    public Map<UUID, BriefRevision> latest(Collection<UUID> betIds) {
        return revisions.findLatestByBetIds(betIds.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(BriefRevision::getBetId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<BriefRevision>> history(Collection<UUID> betIds) {
        return revisions.findByBetIdInOrderByRevisionAsc(betIds).stream()
                .collect(Collectors.groupingBy(BriefRevision::getBetId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<BriefRevision> read(UUID revisionId) {
        return revisions.findById(revisionId);
    }

    /** For the framing gate: the brief exists and has every field the gate needs. */
    @Transactional(readOnly = true)
    public void requireCompleteForFraming(UUID betId) {
        BriefRevision latest = latest(betId).orElseThrow(() -> new RuleViolation(ErrorCode.BRIEF_INCOMPLETE, "betId",
                "The bet has no problem brief yet"));
        List<String> missing = latest.getContent().missingForFraming();
        if (!missing.isEmpty()) {
            throw new RuleViolation(ErrorCode.BRIEF_INCOMPLETE, "betId",
                    "The brief is missing: " + String.join(", ", missing));
        }
    }

    private BriefContent validated(BriefContent draft) {
        List<SuccessMetric> metrics = draft.successMetrics();
        if (metrics.size() > MAX_METRICS) {
            throw RuleViolation.invalid("successMetrics", "At most " + MAX_METRICS + " success metrics");
        }
        if (draft.nonGoals().size() > MAX_NON_GOALS) {
            throw RuleViolation.invalid("nonGoals", "At most " + MAX_NON_GOALS + " non-goals");
        }
        List<SuccessMetric> cleanMetrics = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            SuccessMetric m = metrics.get(i);
            String prefix = "successMetrics[" + i + "].";
            cleanMetrics.add(new SuccessMetric(
                    Texts.required(prefix + "name", m.name(), Texts.TITLE_MAX),
                    Texts.optional(prefix + "unit", m.unit(), 50),
                    finite(prefix + "baseline", m.baseline()),
                    finite(prefix + "target", m.target()),
                    Texts.optional(prefix + "measurement", m.measurement(), Texts.SHORT_TEXT_MAX)));
        }
        if (cleanMetrics.stream().map(SuccessMetric::name).distinct().count() < cleanMetrics.size()) {
            throw RuleViolation.invalid("successMetrics", "Success metric names must be unique within a brief");
        }
        List<String> nonGoals = new ArrayList<>();
        for (int i = 0; i < draft.nonGoals().size(); i++) {
            nonGoals.add(Texts.required("nonGoals[" + i + "]", draft.nonGoals().get(i), Texts.SHORT_TEXT_MAX));
        }
        return new BriefContent(
                Texts.required("problem", draft.problem(), Texts.LONG_TEXT_MAX),
                Texts.optional("customerSegment", draft.customerSegment(), Texts.SHORT_TEXT_MAX),
                Texts.optional("whyThisBet", draft.whyThisBet(), Texts.LONG_TEXT_MAX),
                Texts.optional("alternativesConsidered", draft.alternativesConsidered(), Texts.LONG_TEXT_MAX),
                Texts.optional("riskAppetite", draft.riskAppetite(), Texts.SHORT_TEXT_MAX),
                cleanMetrics, nonGoals,
                Texts.optional("businessConstraints", draft.businessConstraints(), Texts.LONG_TEXT_MAX),
                appetite(draft.appetite()),
                draft.window());
    }

    /** An appetite as a number with its unit: more than 0 and at most 10000, to one decimal. */
    private static Appetite appetite(Appetite appetite) {
        if (appetite == null) {
            return null;
        }
        BigDecimal amount = appetite.amount();
        if (amount == null || appetite.unit() == null || amount.signum() <= 0 || amount.compareTo(APPETITE_MAX) > 0
                || amount.stripTrailingZeros().scale() > 1) {
            throw RuleViolation.invalid("appetite.amount", "An appetite is more than 0 and at most "
                    + APPETITE_MAX.toPlainString() + " person-weeks or person-days, to one decimal");
        }
        return new Appetite(amount.setScale(1, RoundingMode.UNNECESSARY), appetite.unit(), null);
    }

    private static Double finite(String field, Double value) {
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw RuleViolation.invalid(field, field + " must be a finite number");
        }
        return value;
    }

    private String hash(BriefContent content) {
        try {
            return Hashes.sha256(objectMapper.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A brief is always serialisable", e);
        }
    }

    /** A brief revision keeps its author's name. */
    @Bean
    static NameCopy briefRevisionNames() {
        return NameCopy.column("brief_revision", "author_id", "author_name");
    }
}
