package io.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.bet.BetService;
import io.tandem.bet.NewBet;
import io.tandem.bet.Uncertainty;
import io.tandem.brief.BriefContent;
import io.tandem.brief.BriefService;
import io.tandem.brief.SuccessMetric;
import io.tandem.decision.OptionDraft;
import io.tandem.decision.OptionService;
import io.tandem.security.Role;
import io.tandem.shared.OwnEngineCalls;
import io.tandem.support.StatementCounter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write scenario: many concurrent pairs (one product and one engineering person each) take bets from creation
 * to delivered (MEASURING): 11 requests, of which 10 move the workflow (the process start and nine task
 * completions; revising the brief only writes). The same lifecycle is driven three ways:
 * <ul>
 *   <li>{@code graphql}: Tandem as clients use it, over HTTP;</li>
 *   <li>{@code engine+rules}: the same process, Tandem's listeners and rules included, driven in-process through
 *       the engine's Java API ({@code TaskService.complete}, one transaction per step; the brief and options that the
 *       rules check are written with the module services);</li>
 *   <li>{@code engine only}: a listener-free copy of the same BPMN ({@link BareProcess}) driven the same way:
 *       what the engine alone costs for these ten transitions.</li>
 * </ul>
 */
public final class LifecycleScenarios {

    public static final int STEPS = 11;
    public static final int TRANSITIONS = 10;

    private final ApplicationContext context;
    private final GraphQlHttp http;

    public LifecycleScenarios(ApplicationContext context, GraphQlHttp http) {
        this.context = context;
        this.http = http;
    }

    public LoadRunner.Measured graphql(int pairs, Duration warmup, Duration measure) {
        return LoadRunner.run("write: lifecycle via GraphQL", pairs, warmup, measure,
                c -> new GraphQlPair(BenchUsers.product(c), BenchUsers.engineering(c))::step);
    }

    public LoadRunner.Measured engineWithRules(int pairs, Duration warmup, Duration measure) {
        Engine engine = new Engine(context);
        return LoadRunner.run("write: engine API + rules", pairs, warmup, measure,
                c -> new EnginePair(engine, Actor.of(BenchUsers.product(c), Role.PRODUCT),
                        Actor.of(BenchUsers.engineering(c), Role.ENGINEERING), false)::step);
    }

    public LoadRunner.Measured engineOnly(int pairs, Duration warmup, Duration measure) {
        Engine engine = new Engine(context);
        BareProcess.deploy(context.getBean(RepositoryService.class));
        return LoadRunner.run("write: engine API only", pairs, warmup, measure,
                c -> new EnginePair(engine, Actor.of(BenchUsers.product(c), Role.PRODUCT),
                        Actor.of(BenchUsers.engineering(c), Role.ENGINEERING), true)::step);
    }

    /** SQL statements of each of the eleven GraphQL requests of one lifecycle (sequential, one pair). */
    public Map<String, Long> statementsPerMutation() {
        GraphQlPair pair = new GraphQlPair(BenchUsers.product(0), BenchUsers.engineering(0));
        return statementsPerStep(() -> pair.next, pair::step);
    }

    /** The same steps through the engine API with Tandem's rules: what GraphQL adds per step is the difference. */
    public Map<String, Long> engineStatementsPerStep() {
        EnginePair pair = new EnginePair(new Engine(context), Actor.of(BenchUsers.product(0), Role.PRODUCT),
                Actor.of(BenchUsers.engineering(0), Role.ENGINEERING), false);
        return statementsPerStep(() -> pair.next, () -> StatementCounter.countingHere(pair::step));
    }

    private static Map<String, Long> statementsPerStep(java.util.function.IntSupplier next, java.util.concurrent.Callable<Integer> step) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < STEPS; i++) {
            String name = GraphQlPair.NAMES[next.getAsInt()];
            StatementCounter.reset();
            try {
                step.call();
            } catch (Exception e) {
                throw new IllegalStateException(name, e);
            }
            out.put(name, StatementCounter.count());
        }
        return out;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final List<Map<String, Object>> OPTIONS = List.of(
            map("label", "Thin slice", "scopeSummary", "One payment method", "window", LocalDate.now().plusMonths(2).toString(),
                    "gains", "Ships in weeks", "givesUp", "Wallets wait", "risk", "Low reach"),
            map("label", "Full depth", "scopeSummary", "All payment methods", "window", LocalDate.now().plusMonths(5).toString(),
                    "gains", "Every customer", "givesUp", "Three more months"));

    /** One pair's lifecycle over GraphQL: each call sends the next of the eleven requests. */
    private final class GraphQlPair {
        static final String[] NAMES = {"createBet", "reviseBrief", "submitBrief", "submitConstraints", "signGate FRAMING (product)",
                "signGate FRAMING (engineering)", "proposeOptions", "signGate COMMITMENT (product)", "signGate COMMITMENT (engineering)",
                "markDelivered", "confirmDelivery"};
        final String p;
        final String e;
        int next;
        String bet;
        String option;

        GraphQlPair(String p, String e) {
            this.p = p;
            this.e = e;
        }

        int step() {
            int current = next;
            next = (next + 1) % STEPS;
            switch (current) {
                case 0 -> bet = http.mutate(p, "createBet", Documents.CREATE_BET,
                        map("title", "Benchmark bet " + UUID.randomUUID(), "uncertainty", "LOW", "team", "bench")).path("bet").path("id").asText();
                case 1 -> http.mutate(p, "reviseBrief", Documents.REVISE_BRIEF, map("betId", bet,
                        "problem", "Checkout abandons at the payment step", "customerSegment", "Small online shops",
                        "whyThisBet", "Payment drop-off costs more than any other leak",
                        "successMetrics", List.of(map("name", "checkout conversion", "unit", "%", "baseline", 2.0, "target", 3.0)),
                        "nonGoals", List.of("Redesigning the cart")));
                case 2 -> http.mutate(p, "submitBrief", Documents.SUBMIT_BRIEF, map("betId", bet));
                case 3 -> http.mutate(e, "submitConstraints", Documents.SUBMIT_CONSTRAINTS, map("betId", bet));
                case 4 -> http.mutate(p, "signGate", Documents.SIGN_GATE, map("betId", bet, "gate", "FRAMING"));
                case 5 -> http.mutate(e, "signGate", Documents.SIGN_GATE, map("betId", bet, "gate", "FRAMING"));
                case 6 -> {
                    JsonNode payload = http.mutate(e, "proposeOptions", Documents.PROPOSE_OPTIONS, map("betId", bet, "options", OPTIONS));
                    option = payload.path("bet").path("options").get(0).path("id").asText();
                }
                case 7 -> http.mutate(p, "signGate", Documents.SIGN_GATE, map("betId", bet, "gate", "COMMITMENT", "optionId", option));
                case 8 -> http.mutate(e, "signGate", Documents.SIGN_GATE, map("betId", bet, "gate", "COMMITMENT", "optionId", option));
                case 9 -> http.mutate(e, "markDelivered", Documents.MARK_DELIVERED, map("betId", bet));
                case 10 -> {
                    JsonNode payload = http.mutate(p, "confirmDelivery", Documents.CONFIRM_DELIVERY, map("betId", bet));
                    if (!"MEASURING".equals(payload.path("bet").path("stage").asText())) {
                        throw new IllegalStateException("Expected MEASURING after delivery, got " + payload);
                    }
                    return 1;
                }
                default -> throw new IllegalStateException();
            }
            return current == 1 ? 0 : 1;                        // every step but the brief's revision moves the workflow
        }
    }

    /** The engine's services, and one transaction per step as Tandem's mutations have. */
    private static final class Engine {
        final TaskService tasks;
        final RuntimeService runtime;
        final IdentityService identity;
        final BetService bets;
        final BriefService briefs;
        final OptionService options;
        final TransactionTemplate tx;

        Engine(ApplicationContext context) {
            tasks = context.getBean(TaskService.class);
            runtime = context.getBean(RuntimeService.class);
            identity = context.getBean(IdentityService.class);
            bets = context.getBean(BetService.class);
            briefs = context.getBean(BriefService.class);
            options = context.getBean(OptionService.class);
            tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        }

        /** As GraphQL does it: one of Tandem's own engine calls, which the engine's authorization does not check again. */
        void complete(Actor who, String businessKey, String taskKey, Map<String, Object> inputs, Runnable before) {
            who.run(() -> tx.executeWithoutResult(status -> OwnEngineCalls.run(() -> {
                identity.setAuthentication(who.id(), who.user().groups());
                try {
                    before.run();
                    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
                    if (task == null) {
                        throw new IllegalStateException("No open task " + taskKey + " for " + businessKey);
                    }
                    if (!inputs.isEmpty()) {
                        tasks.setVariablesLocal(task.getId(), inputs);
                    }
                    tasks.complete(task.getId());
                } finally {
                    identity.clearAuthentication();
                }
                return null;
            })));
        }
    }

    /** One pair's lifecycle through the Java API: with Tandem's process and rules, or the bare copy. */
    private static final class EnginePair {
        final Engine engine;
        final Actor p;
        final Actor e;
        final boolean bare;
        int next;
        UUID bet;
        String option;

        EnginePair(Engine engine, Actor p, Actor e, boolean bare) {
            this.engine = engine;
            this.p = p;
            this.e = e;
            this.bare = bare;
        }

        int step() {
            int current = next;
            next = (next + 1) % STEPS;
            String key = bet == null ? null : bet.toString();
            Map<String, Object> approve = Map.of("answer", "APPROVE");
            switch (current) {
                case 0 -> {
                    if (bare) {
                        bet = UUID.randomUUID();
                        Map<String, Object> variables = new HashMap<>();
                        variables.put("betId", bet.toString());
                        variables.put("changesRequested", false);
                        variables.put("spikeNeeded", false);
                        p.run(() -> engine.tx.executeWithoutResult(s ->
                                engine.runtime.startProcessInstanceByKey(BareProcess.KEY, bet.toString(), variables)));
                        next = 2;                                       // no brief to write: nothing of Tandem runs here
                    } else {
                        // the bet row the listeners read; BetService.create starts the process (RuntimeService) in the same transaction
                        bet = p.call(() -> engine.bets.create(new NewBet("Benchmark bet " + UUID.randomUUID(), Uncertainty.LOW,
                                null, null, null, null, null, "bench"), p.user())).getId();
                    }
                }
                case 1 -> p.run(() -> engine.briefs.revise(bet, new BriefContent("Checkout abandons at the payment step", "Small online shops",
                                "Payment drop-off costs more than any other leak", null, null,
                                List.of(new SuccessMetric("checkout conversion", "%", 2.0, 3.0, null)), List.of("Redesigning the cart"),
                                null, null, null), p.user()));
                case 2 -> engine.complete(p, key, "task_write_brief", Map.of(), () -> { });
                case 3 -> engine.complete(e, key, "task_map_constraints", Map.of(), () -> { });
                case 4 -> engine.complete(p, key, "task_sign_framing_product", approve, () -> { });
                case 5 -> engine.complete(e, key, "task_sign_framing_engineering", approve, () -> { });
                case 6 -> engine.complete(e, key, "task_propose_options", Map.of(), () -> {
                    if (bare) {
                        option = UUID.randomUUID().toString();
                    } else {
                        option = engine.options.propose(bet, List.of(
                                new OptionDraft("Thin slice", "One payment method", LocalDate.now().plusMonths(2), "Ships in weeks", "Wallets wait", "Low reach"),
                                new OptionDraft("Full depth", "All payment methods", LocalDate.now().plusMonths(5), "Every customer", "Three more months", null)),
                                e.id()).get(0).getId().toString();
                    }
                });
                case 7 -> engine.complete(p, key, "task_sign_commitment_product", Map.of("answer", "APPROVE", "choice", option), () -> { });
                case 8 -> engine.complete(e, key, "task_sign_commitment_engineering", Map.of("answer", "APPROVE", "choice", option), () -> { });
                case 9 -> engine.complete(e, key, "task_mark_delivered", approve, () -> { });
                case 10 -> {
                    engine.complete(p, key, "task_confirm_delivery", approve, () -> { });
                    return 1;
                }
                default -> throw new IllegalStateException();
            }
            return current == 1 ? 0 : 1;                        // every step but the brief's revision moves the workflow
        }
    }
}
