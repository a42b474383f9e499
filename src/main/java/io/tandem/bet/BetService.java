package io.tandem.bet;

import io.tandem.people.People;
import io.tandem.security.CurrentUser;
import io.tandem.security.PersonErased;
import io.tandem.security.Role;
import io.tandem.security.Roles;
import io.tandem.shared.ErrorCode;
import io.tandem.shared.FieldChange;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import io.tandem.shared.Texts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, reads and moves bets. Stage and outcome change only on behalf of the lifecycle process. */
@Service
public class BetService {

    public static final String DEFAULT_MEASUREMENT_PERIOD = "P30D";
    public static final String DEFAULT_SPIKE_TIMEBOX = "P5D";
    public static final int TEAM_MAX = 100;

    private final BetRepository bets;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final People people;

    BetService(BetRepository bets, EntityManager entityManager, ApplicationEventPublisher events, Clock clock, People people) {
        this.bets = bets;
        this.people = people;
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** An open bet keeps a lead Tandem can name: their personal data is erased once someone else leads it. */
    @EventListener
    void refuseErasingALead(PersonErased erased) {
        List<String> led = bets.openBetsLedBy(erased.userId());
        if (!led.isEmpty()) {
            throw new RuleViolation(ErrorCode.STILL_LEADING, "personId", erased.userId() + " leads " + led.size()
                    + " bet(s) not closed (" + String.join(", ", led.stream().limit(3).map(t -> "'" + t + "'").toList())
                    + (led.size() > 3 ? ", …" : "") + "): hand each lead to someone else first");
        }
    }

    @Transactional
    @PreAuthorize("hasAnyRole('product','engineering')")
    public Bet create(NewBet input, CurrentUser creator) {
        String title = Texts.required("title", input.title(), Texts.TITLE_MAX);
        Uncertainty uncertainty = input.uncertainty() == null ? Uncertainty.MEDIUM : input.uncertainty();
        String question = Texts.optional("spikeQuestion", input.spikeQuestion(), Texts.SHORT_TEXT_MAX);
        String timebox = Texts.duration("spikeTimebox", input.spikeTimebox());
        requireSpikePlan(uncertainty, question);
        String measurement = Texts.duration("measurementPeriod", input.measurementPeriod());
        String productLead = Texts.optional("productLead", input.productLead(), Texts.USER_ID_MAX);
        String engineeringLead = Texts.optional("engineeringLead", input.engineeringLead(), Texts.USER_ID_MAX);
        requireLeads(productLead, engineeringLead, null);
        Bet bet = new Bet(UUID.randomUUID(), "BET-" + bets.nextKeyNumber(), title, uncertainty, productLead, engineeringLead,
                Texts.optional("team", input.team(), TEAM_MAX),
                question, timebox == null ? DEFAULT_SPIKE_TIMEBOX : timebox,
                measurement == null ? DEFAULT_MEASUREMENT_PERIOD : measurement,
                creator.id(), StoredTime.now(clock));
        bets.save(bet);
        events.publishEvent(new BetCreated(bet.getId()));
        return bet;
    }

    /** A bet for a reader of the API. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Optional<Bet> read(UUID id) {
        return bets.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Bet> find(UUID id) {
        return bets.findById(id);
    }

    /** The bet, or NOT_FOUND naming the input field that carried its id. */
    @Transactional(readOnly = true)
    public Bet get(UUID id, String field) {
        return bets.findById(id).orElseThrow(() -> RuleViolation.notFound(field, "Bet " + id));
    }

    @Transactional(readOnly = true)
    public Map<UUID, Bet> findAll(Collection<UUID> ids) {
        return bets.findAllById(ids).stream().collect(Collectors.toMap(Bet::getId, Function.identity()));
    }

    /**
     * Claims the bet for a change made by this transaction: the first of two concurrent changes wins,
     * the second gets a retryable CONFLICT instead of acting on a state that no longer exists.
     */
    @Transactional
    public Bet claimForChange(UUID id, String field) {
        Bet bet = get(id, field);
        if (bets.bumpVersion(id, bet.getVersion()) == 0) {
            throw new RuleViolation(ErrorCode.CONFLICT, field, "Bet " + id + " was changed by someone else; reload and retry");
        }
        entityManager.refresh(bet);
        return bet;
    }

    /**
     * Applies an edit to a bet this transaction claimed (claimForChange) and returns the fields it changed. A closed
     * bet is history; the spike plan is set while framing, before the spike it plans; the measurement period until
     * measuring starts, since its timer then runs. What commitment froze (the brief, window and scope) has no field
     * here: it changes only through a change request both sides sign.
     */
    @Transactional
    public List<FieldChange> edit(Bet bet, BetEdit edit) {
        requireOpen(bet);
        String title = edit.title() == null ? bet.getTitle() : Texts.required("title", edit.title(), Texts.TITLE_MAX);
        String team = edit.team() == null ? bet.getTeam() : Texts.optional("team", edit.team(), TEAM_MAX);
        String question = bet.getSpikeQuestion();
        String timebox = bet.getSpikeTimebox();
        if (edit.spikeQuestion() != null || edit.spikeTimebox() != null) {
            if (bet.getStage() != Stage.FRAMING) {
                throw new RuleViolation(ErrorCode.WRONG_STAGE, edit.spikeQuestion() != null ? "spikeQuestion" : "spikeTimebox",
                        "The spike is planned during framing; the bet is in " + bet.getStage());
            }
            question = edit.spikeQuestion() == null ? question : Texts.optional("spikeQuestion", edit.spikeQuestion(), Texts.SHORT_TEXT_MAX);
            timebox = edit.spikeTimebox() == null ? timebox : Texts.duration("spikeTimebox", edit.spikeTimebox());
            requireSpikePlan(bet.getUncertainty(), question);
        }
        String measurement = bet.getMeasurementPeriod();
        if (edit.measurementPeriod() != null) {
            if (bet.getStage() == Stage.MEASURING || bet.getStage() == Stage.OUTCOME_REVIEW) {
                throw new RuleViolation(ErrorCode.WRONG_STAGE, "measurementPeriod",
                        "The measurement period is running or over; the bet is in " + bet.getStage());
            }
            measurement = Texts.duration("measurementPeriod", edit.measurementPeriod());
        }
        List<FieldChange> changes = new ArrayList<>();
        changed(changes, "title", bet.getTitle(), title);
        changed(changes, "team", bet.getTeam(), team);
        changed(changes, "spikeQuestion", bet.getSpikeQuestion(), question);
        changed(changes, "spikeTimebox", bet.getSpikeTimebox(), timebox);
        changed(changes, "measurementPeriod", bet.getMeasurementPeriod(), measurement);
        if (changes.isEmpty()) {
            throw RuleViolation.invalid("betId", "The edit changes nothing: every field given already has that value");
        }
        bet.edit(title, team, question, timebox, measurement, StoredTime.now(clock));
        return changes;
    }

    /** Names {@code to} the lead of this side of a bet this transaction claimed, under the rule for leads. */
    @Transactional
    public FieldChange changeLead(Bet bet, Role side, String to) {
        String lead = checkLeadChange(bet, side, to);
        FieldChange change = new FieldChange(side == Role.PRODUCT ? "productLead" : "engineeringLead", bet.leadFor(side), lead);
        bet.lead(side, lead, StoredTime.now(clock));
        return change;
    }

    /** Whether {@code to} may become this side's lead: the bet is open, and the rule for leads holds; returns the id. */
    @Transactional(readOnly = true)
    public String checkLeadChange(Bet bet, Role side, String to) {
        requireOpen(bet);
        String lead = Texts.required("to", to, Texts.USER_ID_MAX);
        if (lead.equals(bet.leadFor(side))) {
            throw RuleViolation.invalid("to", lead + " already leads " + side.group() + "'s side of this bet");
        }
        requireLeads(side == Role.PRODUCT ? lead : bet.getProductLead(), side == Role.ENGINEERING ? lead : bet.getEngineeringLead(),
                "to");
        return lead;
    }

    private static void requireOpen(Bet bet) {
        if (bet.isClosed()) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "The bet is closed; its history stays as it was");
        }
    }

    private static void changed(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    @Transactional
    @PreAuthorize("hasRole('engineering')")
    public Bet assessUncertainty(UUID id, Uncertainty uncertainty, String spikeQuestion, String spikeTimebox) {
        Bet bet = claimForChange(id, "betId");
        if (bet.getStage() != Stage.FRAMING) {
            throw new RuleViolation(ErrorCode.WRONG_STAGE, "betId", "Uncertainty is assessed during framing; the bet is in " + bet.getStage());
        }
        if (uncertainty == null) {
            throw RuleViolation.invalid("uncertainty", "uncertainty must be given");
        }
        String question = Texts.optional("spikeQuestion", spikeQuestion, Texts.SHORT_TEXT_MAX);
        String timebox = Texts.duration("spikeTimebox", spikeTimebox);
        requireSpikePlan(uncertainty, question == null ? bet.getSpikeQuestion() : question);
        bet.assess(uncertainty, question == null ? bet.getSpikeQuestion() : question,
                timebox == null ? bet.getSpikeTimebox() : timebox, StoredTime.now(clock));
        events.publishEvent(new UncertaintyAssessed(id, uncertainty));
        return bet;
    }

    /** Called by the lifecycle inside the task-completing transaction. */
    @Transactional
    public void recordSpikeFindings(UUID id, String findings) {
        bets.findById(id).orElseThrow().recordFindings(findings, StoredTime.now(clock));
    }

    @Transactional
    public void enterStage(UUID id, Stage stage) {
        bets.findById(id).orElseThrow().enter(stage, StoredTime.now(clock));
    }

    @Transactional
    public void commitTo(UUID id, LocalDate window, String scope) {
        bets.findById(id).orElseThrow().commitTo(window, scope, StoredTime.now(clock));
    }

    /** Applies a change both sides signed; a null leaves that part as it is. */
    @Transactional
    public void change(UUID id, LocalDate window, String scope) {
        bets.findById(id).orElseThrow().change(window, scope, StoredTime.now(clock));
    }

    @Transactional
    public void settle(UUID id, Outcome outcome) {
        bets.findById(id).orElseThrow().settle(outcome, StoredTime.now(clock));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Window<Bet> page(BetQuery query, ScrollPosition position, int size) {
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort sort = Sort.by(direction, query.orderBy().property).and(Sort.by(direction, "id"));
        return bets.findBy(matching(query), q -> q.sortBy(sort).limit(size).scroll(position));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public long count(BetQuery query) {
        return bets.count(matching(query));
    }

    private static Specification<Bet> matching(BetQuery query) {
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (query.stages() != null && !query.stages().isEmpty()) {
                predicates.add(root.get("stage").in(query.stages()));
            }
            if (query.outcomes() != null && !query.outcomes().isEmpty()) {
                predicates.add(root.get("outcome").in(query.outcomes()));
            } else {
                // a bet opened by mistake is no bet: listed only when a filter names VOIDED
                predicates.add(builder.or(root.get("outcome").isNull(), builder.notEqual(root.get("outcome"), Outcome.VOIDED)));
            }
            if (query.titleContains() != null && !query.titleContains().isBlank()) {
                String pattern = "%" + query.titleContains().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(builder.like(builder.lower(root.get("title")), pattern, '\\'));
            }
            if (query.team() != null && !query.team().isBlank()) {
                predicates.add(builder.equal(root.get("team"), query.team().strip()));
            }
            if (query.lead() != null && !query.lead().isBlank()) {
                predicates.add(builder.or(builder.equal(root.get("productLead"), query.lead()),
                        builder.equal(root.get("engineeringLead"), query.lead())));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    /**
     * The one rule for a bet's leads, wherever they are named: each is someone Tandem knows who holds that side's role,
     * and the two sides are led by two different people. {@code field} names the input in errors; null: the lead's own.
     */
    private void requireLeads(String productLead, String engineeringLead, String field) {
        if (productLead != null) {
            people.requireHolder(productLead, Role.PRODUCT, field == null ? "productLead" : field);
        }
        if (engineeringLead != null) {
            people.requireHolder(engineeringLead, Role.ENGINEERING, field == null ? "engineeringLead" : field);
        }
        if (productLead != null && productLead.equals(engineeringLead)) {
            throw new RuleViolation(ErrorCode.SAME_PERSON, field == null ? "engineeringLead" : field, productLead
                    + " cannot lead both sides: two different people own a bet");
        }
    }

    private static void requireSpikePlan(Uncertainty uncertainty, String question) {
        if (uncertainty == Uncertainty.HIGH && question == null) {
            throw RuleViolation.invalid("spikeQuestion", "High uncertainty needs a spike: say which question the spike answers");
        }
    }
}
