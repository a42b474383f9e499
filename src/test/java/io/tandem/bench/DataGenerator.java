package io.tandem.bench;

import io.tandem.bet.BetService;
import io.tandem.bet.NewBet;
import io.tandem.bet.Uncertainty;
import io.tandem.brief.Appetite;
import io.tandem.brief.BriefContent;
import io.tandem.brief.BriefService;
import io.tandem.brief.ConstraintService;
import io.tandem.brief.SuccessMetric;
import io.tandem.brief.TechnicalConstraint;
import io.tandem.decision.Answer;
import io.tandem.decision.BetOption;
import io.tandem.decision.Gate;
import io.tandem.decision.OptionDraft;
import io.tandem.decision.OptionService;
import io.tandem.delivery.DeliveryService;
import io.tandem.delivery.DeliveryStatus;
import io.tandem.lifecycle.LifecycleService;
import io.tandem.lifecycle.SignGateCommand;
import io.tandem.outcome.MetricActual;
import io.tandem.outcome.NonGoalAttestation;
import io.tandem.outcome.OutcomeDraft;
import io.tandem.outcome.Recommendation;
import io.tandem.security.Role;
import io.tandem.support.StatementCounter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with bets spread over every stage, through Tandem's own services (the same ones the GraphQL
 * mutations call, one transaction per business action), so that the engine's state (executions, open tasks, timer
 * jobs, history) is exactly what real use leaves behind. Deterministic: bet number n always gets the same plan, so
 * growing 1k to 10k to 100k in one database gives the same mix as generating 100k at once.
 *
 * <p>Mix per 100 bets: 25 framing (brief only / gate open / product signed), 5 spike, 15 commitment, 25 delivery,
 * 10 measuring, 5 outcome review, 12 closed WON/LOST, 8 killed (in framing or delivery). Bets meant for outcome
 * review or closed get a one-second measurement period; the job executor fires their timers, then a second pass
 * records the outcome and signs the verdict.
 */
public final class DataGenerator {

    /** What one growth step did. */
    public record Growth(long from, long to, long created, long failures, double seconds, double betsPerSecond,
                         Map<String, Long> stages) {
    }

    private static final String[] TEAMS = {"payments", "checkout", "search", "growth", "platform", "mobile", "data", "support"};
    private static final Actor[][] PAIRS = {
            {Actor.of("priya", Role.PRODUCT), Actor.of("erin", Role.ENGINEERING)},
            {Actor.of("paul", Role.PRODUCT), Actor.of("ethan", Role.ENGINEERING)}};
    private static final String METRIC = "checkout conversion";
    private static final String NON_GOAL = "Redesigning the cart";

    private final BetService bets;
    private final BriefService briefs;
    private final ConstraintService constraints;
    private final LifecycleService lifecycle;
    private final DeliveryService delivery;
    private final OptionService options;
    private final JdbcTemplate jdbc;
    private final AtomicLong failures = new AtomicLong();

    public DataGenerator(ApplicationContext context) {
        this.bets = context.getBean(BetService.class);
        this.briefs = context.getBean(BriefService.class);
        this.constraints = context.getBean(ConstraintService.class);
        this.lifecycle = context.getBean(LifecycleService.class);
        this.delivery = context.getBean(DeliveryService.class);
        this.options = context.getBean(OptionService.class);
        this.jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from bet", Long.class);
    }

    public Map<String, Long> stages() {
        return jdbc.query("select coalesce(outcome, stage) s, count(*) n from bet group by 1 order by 1",
                rs -> {
                    Map<String, Long> out = new java.util.LinkedHashMap<>();
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                    return out;
                });
    }

    /** Adds bets until the database holds {@code target} of them. */
    public Growth growTo(long target, int threads, Duration timerWait) {
        long from = count();
        return grow(from, Math.max(0, target - from), threads, timerWait);
    }

    /** Adds {@code n} bets, numbered from the current count. */
    public Growth growBy(long n, int threads, Duration timerWait) {
        return grow(count(), n, threads, timerWait);
    }

    /** On uncounted connections: the counting proxy cost a tenth of the generator's CPU. */
    private Growth grow(long from, long n, int threads, Duration timerWait) {
        return StatementCounter.bypassed(() -> generate(from, n, threads, timerWait));
    }

    private Growth generate(long from, long n, int threads, Duration timerWait) {
        long started = System.nanoTime();
        long failuresBefore = failures.get();
        Queue<Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong();
        long end = from + n;
        long every = Math.max(100, Math.min(1000, n / 20));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Actor[] pair = PAIRS[t % PAIRS.length];
                workers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                        try {
                            create(i, pair[0], pair[1], pending);
                        } catch (RuntimeException e) {
                            fail("bet #" + i, e);
                        }
                        long d = done.incrementAndGet();
                        if (d % every == 0) {
                            double s = (System.nanoTime() - started) / 1e9;
                            System.out.printf("[generator] %d/%d bets (%.1f bets/s)%n", d, n, d / s);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            System.out.printf("[generator] %d bets created in %.0f s; %d wait for their measurement timer%n", n,
                    (System.nanoTime() - started) / 1e9, pending.size());
            finishTimedBets(pending, threads, timerWait, pool);
        } catch (Exception e) {
            throw new IllegalStateException("Data generation failed", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long to = count();
        return new Growth(from, to, to - from, failures.get() - failuresBefore, seconds, (to - from) / seconds, stages());
    }

    /** Plans by bet number; see the class comment for the mix. */
    private void create(long i, Actor p, Actor e, Queue<Pending> pending) {
        int b = (int) (i % 100);
        boolean spike = b >= 25 && b < 30;
        boolean timed = b >= 75 && b < 92;
        String title = "Bet " + i + ": " + TEAMS[(int) (i % TEAMS.length)] + " " + (spike ? "rethink" : "improvement");
        Actor creator = i % 3 == 0 ? e : p;
        UUID bet = creator.call(() -> bets.create(new NewBet(title, spike ? Uncertainty.HIGH : Uncertainty.LOW, null, null,
                spike ? "Can the provider's API take our peak load?" : null, null, timed ? "PT1S" : null,
                TEAMS[(int) (i % TEAMS.length)]), creator.user())).getId();
        p.run(() -> briefs.revise(bet, brief(i, 1), p.user()));
        if (b < 10) {
            return;                                                         // FRAMING: a first draft of the brief
        }
        if (b < 18 || b >= 92) {
            p.run(() -> briefs.revise(bet, brief(i, 2), p.user()));
        }
        UUID constraint = i % 2 == 0 ? e.call(() -> constraints.add(bet, "Provider rate limit " + i,
                "The payment provider allows 10 requests per second", TechnicalConstraint.Severity.SHAPING, e.user())).getId() : null;
        p.run(() -> lifecycle.submitBrief(bet, p.user()));
        e.run(() -> lifecycle.submitConstraints(bet, e.user()));
        if (b < 18) {
            return;                                                         // FRAMING: gate open, nobody signed
        }
        if (constraint != null) {
            p.run(() -> constraints.acknowledge(constraint, "We batch calls", p.user()));
        }
        if (b >= 92 && b < 96) {
            kill(bet, p, e);                                                // KILLED in framing
            return;
        }
        sign(p, bet, Gate.FRAMING, null);
        if (b < 25) {
            return;                                                         // FRAMING: product signed, engineering to sign
        }
        sign(e, bet, Gate.FRAMING, null);
        if (spike) {
            if (b < 28) {
                e.run(() -> lifecycle.recordSpikeFindings(bet, "Peak load is fine with batching", e.user()));
            }
            return;                                                         // SPIKE
        }
        if (b < 38) {
            return;                                                         // COMMITMENT: waiting for options
        }
        e.run(() -> lifecycle.proposeOptions(bet, List.of(
                new OptionDraft("Thin slice", "One payment method", LocalDate.now().plusMonths(2), "Ships in weeks", "Wallets wait", "Low reach"),
                new OptionDraft("Full depth", "All payment methods", LocalDate.now().plusMonths(5), "Every customer", "Three more months", null)),
                e.user()));
        List<BetOption> options = this.options.current(bet);
        String option = options.get(0).getId().toString();
        sign(p, bet, Gate.COMMITMENT, option);
        if (b < 45) {
            return;                                                         // COMMITMENT: product signed
        }
        sign(e, bet, Gate.COMMITMENT, option);
        if (i % 2 == 0) {
            e.run(() -> delivery.postStatus(bet, DeliveryStatus.ON_TRACK, "Payment method one is in review", e.user()));
        }
        if (b < 60) {
            return;                                                         // DELIVERY
        }
        if (b >= 96) {
            kill(bet, e, p);                                                // KILLED in delivery
            return;
        }
        e.run(() -> lifecycle.markDelivered(bet, "Live for all shops", e.user()));
        if (b < 65) {
            return;                                                         // DELIVERY: product to confirm
        }
        p.run(() -> lifecycle.confirmDelivery(bet, Answer.APPROVE, null, p.user()));
        if (timed) {
            pending.add(new Pending(bet, b, p, e));                         // MEASURING for a second, then outcome review
        }
    }

    private record Pending(UUID bet, int bucket, Actor product, Actor engineering) {
    }

    private void sign(Actor who, UUID bet, Gate gate, String choice) {
        // the generated briefs' one non-goal held at every review
        List<NonGoalAttestation> nonGoals = gate == Gate.OUTCOME_REVIEW
                ? List.of(new NonGoalAttestation(NON_GOAL, true, null)) : null;
        who.run(() -> lifecycle.signGate(new SignGateCommand(bet, gate, Answer.APPROVE, null, choice, null, null, nonGoals, null),
                who.user()));
    }

    private void kill(UUID bet, Actor proposer, Actor other) {
        proposer.run(() -> lifecycle.proposeKill(bet, "A competitor shipped this first", null, proposer.user()));
        sign(other, bet, Gate.KILL, null);
    }

    /** Bets meant for OUTCOME_REVIEW or CLOSED: once their measurement timer fired, record the outcome and sign. */
    private void finishTimedBets(Queue<Pending> pending, int threads, Duration wait, ExecutorService pool) throws Exception {
        List<Pending> left = new ArrayList<>(pending);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            List<UUID> ids = left.stream().map(Pending::bet).toList();
            List<UUID> ready = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += 1000) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
                ready.addAll(jdbc.queryForList("select id from bet where stage = 'OUTCOME_REVIEW' and id = any(?)", UUID.class,
                        (Object) chunk.toArray(UUID[]::new)));
            }
            var readySet = new java.util.HashSet<>(ready);
            List<Pending> now = left.stream().filter(x -> readySet.contains(x.bet())).toList();
            left = left.stream().filter(x -> !readySet.contains(x.bet())).collect(Collectors.toCollection(ArrayList::new));
            Queue<Pending> work = new ConcurrentLinkedQueue<>(now);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (Pending x = work.poll(); x != null; x = work.poll()) {
                        try {
                            finish(x);
                        } catch (RuntimeException e) {
                            fail("outcome of " + x.bet(), e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            if (!left.isEmpty()) {
                System.out.printf("[generator] %d bets still measuring; waiting for their timers%n", left.size());
                Thread.sleep(1000);
            }
        }
        if (!left.isEmpty()) {
            System.out.printf("[generator] %d bets left in MEASURING: their timers did not fire within %s%n", left.size(), wait);
        }
    }

    private void finish(Pending x) {
        int b = x.bucket();
        Actor p = x.product();
        Actor e = x.engineering();
        if (b < 78) {
            return;                                                         // OUTCOME_REVIEW: actuals not recorded yet
        }
        double actual = b % 2 == 0 ? 3.4 : 2.1;
        p.run(() -> lifecycle.recordOutcome(x.bet(), new OutcomeDraft(List.of(new MetricActual(METRIC, actual)),
                "Fewer fields beat more payment methods", "Measure time to pay per field from day one",
                b % 2 == 0 ? Recommendation.GRADUATE : Recommendation.STOP), p.user()));
        if (b < 80) {
            return;                                                         // OUTCOME_REVIEW: verdict gate open
        }
        String verdict = b % 2 == 0 ? "WON" : "LOST";
        sign(p, x.bet(), Gate.OUTCOME_REVIEW, verdict);
        sign(e, x.bet(), Gate.OUTCOME_REVIEW, verdict);                    // CLOSED
    }

    private static BriefContent brief(long i, int revision) {
        return new BriefContent("Checkout abandons at the payment step (" + i + ")", "Small online shops",
                "Payment drop-off costs more than any other leak", revision > 1 ? "A new payment provider" : null, "medium",
                List.of(new SuccessMetric(METRIC, "%", 2.0, 3.0, "weekly")), List.of(NON_GOAL), null,
                new Appetite(new BigDecimal("6.0"), Appetite.Unit.PERSON_WEEKS, null), null);
    }

    private void fail(String what, RuntimeException e) {
        long n = failures.incrementAndGet();
        if (n <= 10) {
            System.out.printf("[generator] %s failed: %s%n", what, e);
        }
    }

    public long failures() {
        return failures.get();
    }

    /** The ids of bets in the database, for picking bets to read. */
    public List<UUID> sampleBets(int n, boolean withDecisions) {
        String where = withDecisions ? "where exists (select 1 from decision d where d.bet_id = b.id)" : "";
        return jdbc.queryForList("select id from bet b " + where + " order by random() limit ?", UUID.class, n);
    }
}
