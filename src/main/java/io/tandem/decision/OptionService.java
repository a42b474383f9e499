package io.tandem.decision;

import io.tandem.shared.ErrorCode;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.tandem.security.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commitment options. Each proposal replaces the previous one; old proposals stay stored. */
@Service
public class OptionService {

    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 10;

    private final BetOptionRepository options;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    OptionService(BetOptionRepository options, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.options = options;
        this.clock = clock;
    }

    /** Validates and stores a proposal; called by the lifecycle while the bet is claimed. */
    @Transactional
    public List<BetOption> propose(UUID betId, List<OptionDraft> drafts, String proposedBy) {
        if (drafts == null || drafts.size() < MIN_OPTIONS) {
            throw new RuleViolation(ErrorCode.TOO_FEW_OPTIONS, "options",
                    "Commitment is a choice: propose at least " + MIN_OPTIONS + " options");
        }
        if (drafts.size() > MAX_OPTIONS) {
            throw RuleViolation.invalid("options", "At most " + MAX_OPTIONS + " options");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int proposal = options.latestProposal(betId) + 1;
        List<BetOption> saved = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            OptionDraft d = drafts.get(i);
            String p = "options[" + i + "].";
            if (d.window() == null) {
                throw RuleViolation.invalid(p + "window", "Each option needs a window date");
            }
            if (d.window().isBefore(today)) {
                throw RuleViolation.invalid(p + "window", "The window " + d.window() + " is in the past");
            }
            OptionDraft clean = new OptionDraft(
                    Texts.required(p + "label", d.label(), Texts.TITLE_MAX),
                    Texts.required(p + "scopeSummary", d.scopeSummary(), Texts.LONG_TEXT_MAX),
                    d.window(),
                    Texts.required(p + "gains", d.gains(), Texts.SHORT_TEXT_MAX),
                    Texts.required(p + "givesUp", d.givesUp(), Texts.SHORT_TEXT_MAX),
                    Texts.optional(p + "risk", d.risk(), Texts.SHORT_TEXT_MAX));
            saved.add(options.save(new BetOption(betId, proposal, i, clean, proposedBy,
                    StoredTime.now(clock))));
        }
        events.publishEvent(new OptionsProposed(betId, proposal, saved.stream().map(BetOption::getId).toList()));
        return saved;
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<BetOption>> current(Collection<UUID> betIds) {
        return options.findCurrentByBetIds(betIds).stream().collect(Collectors.groupingBy(BetOption::getBetId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<BetOption> read(UUID id) {
        return options.findById(id);
    }

    /** The options of the latest proposal, in the order they were proposed. */
    @Transactional(readOnly = true)
    public List<BetOption> current(UUID betId) {
        return options.findByBetIdAndProposalOrderByPositionAsc(betId, options.latestProposal(betId));
    }
}
