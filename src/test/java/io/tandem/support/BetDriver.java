package io.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Drives bets through the GraphQL API as the demo users, one business action per method. */
public final class BetDriver {

    private final Function<String, ? extends GraphQlTester> as;

    /** A driver for the testers of a Tandem instance, one per demo user. */
    public BetDriver(Function<String, ? extends GraphQlTester> as) {
        this.as = as;
    }

    /** Runs a mutation from graphql-test/{operation}.graphql and returns its payload. */
    @SuppressWarnings("unchecked")
    public Payload mutate(String user, String operation, Map<String, Object> input) {
        Map<String, Object> body = as.apply(user).documentName(operation).variable("input", input).execute()
                .path(operation).entity(Map.class).get();
        return new Payload(body);
    }

    public Payload mutateOk(String user, String operation, Map<String, Object> input) {
        Payload payload = mutate(user, operation, input);
        assertThat(payload.userErrors()).as(operation + " by " + user).isEmpty();
        return payload;
    }

    public String createBet(String user, Object... extra) {
        Map<String, Object> input = map("title", "Bet " + System.nanoTime(), "uncertainty", "LOW");
        input.putAll(map(extra));
        return (String) mutateOk(user, "createBet", input).bet().get("id");
    }

    public Payload reviseBrief(String user, String betId, Object... overrides) {
        Map<String, Object> input = map("betId", betId, "problem", "Checkout abandons at the payment step",
                "customerSegment", "Small online shops", "whyThisBet", "Payment drop-off costs more than any other leak",
                "successMetrics", List.of(map("name", "checkout conversion", "unit", "%", "baseline", 2.0, "target", 3.0)),
                "nonGoals", List.of("Redesigning the cart"));
        input.putAll(map(overrides));
        return mutate(user, "reviseBrief", input);
    }

    public String addConstraint(String user, String betId, String title) {
        return addConstraint(user, betId, title, "SHAPING");
    }

    public String addConstraint(String user, String betId, String title, String severity) {
        Payload payload = mutateOk(user, "addConstraint", map("betId", betId, "title", title,
                "description", "The payment provider allows 10 requests per second", "severity", severity));
        return (String) payload.get("constraint").get("id");
    }

    public Payload acknowledgeConstraint(String user, String constraintId, String response) {
        return mutate(user, "acknowledgeConstraint", map("constraintId", constraintId, "response", response));
    }

    /**
     * Brief written (the default brief, with these fields overridden) and submitted by priya, constraints mapped by
     * erin: the framing gate is open.
     */
    public void completeFramingWork(String betId, Object... briefOverrides) {
        assertThat(reviseBrief("priya", betId, briefOverrides).userErrors()).isEmpty();
        mutateOk("priya", "submitBrief", map("betId", betId));
        mutateOk("erin", "submitConstraints", map("betId", betId));
    }

    /** A new bet of priya's (with the extra createBet input) whose framing gate is open; returns its id. */
    public String framingGateOpen(Object... extra) {
        String bet = createBet("priya", extra);
        completeFramingWork(bet);
        return bet;
    }

    /**
     * Signs a gate. An approval of the outcome review that names no {@code nonGoals} attests that every non-goal of the
     * brief held, as a reviewer whose bet stayed in bounds would.
     */
    public Payload sign(String user, String betId, String gate, Object... extra) {
        Map<String, Object> input = map("betId", betId, "gate", gate);
        input.putAll(map(extra));
        if ("OUTCOME_REVIEW".equals(gate) && !input.containsKey("nonGoals") && !"REQUEST_CHANGES".equals(input.get("answer"))) {
            input.put("nonGoals", nonGoals(betId).stream().map(nonGoal -> map("nonGoal", nonGoal, "held", true)).toList());
        }
        return mutate(user, "signGate", input);
    }

    /** The non-goals of the bet's brief, in order. */
    public List<String> nonGoals(String betId) {
        return as.apply("lena").document("query($id: ID!) { bet(id: $id) { brief { nonGoals } } }").variable("id", betId)
                .execute().path("bet.brief.nonGoals").entityList(String.class).get();
    }

    /** Framing work done and the framing gate signed by priya (product) and erin (engineering). */
    public void passFraming(String betId, Object... briefOverrides) {
        completeFramingWork(betId, briefOverrides);
        assertThat(sign("priya", betId, "FRAMING").userErrors()).isEmpty();
        assertThat(sign("erin", betId, "FRAMING").userErrors()).isEmpty();
    }

    /** Framing passed and two options proposed, so the commitment gate is open; returns the thin option's id. */
    public String commitmentGateOpen(String betId) {
        passFraming(betId);
        return proposeTwoOptions(betId).get(0);
    }

    /** Proposes two options as erin; returns their ids (thin first). */
    @SuppressWarnings("unchecked")
    public List<String> proposeTwoOptions(String betId) {
        mutateOk("erin", "proposeOptions", map("betId", betId, "options", List.of(
                map("label", "Thin slice", "scopeSummary", "One payment method", "window", LocalDate.now().plusMonths(1).toString(),
                        "gains", "Ships in four weeks", "givesUp", "Wallets wait", "risk", "Low reach"),
                map("label", "Full depth", "scopeSummary", "All payment methods", "window", LocalDate.now().plusMonths(3).toString(),
                        "gains", "Every customer", "givesUp", "Two more months"))));
        List<Map<String, Object>> options = (List<Map<String, Object>>) state(betId).get("options");
        return options.stream().map(o -> (String) o.get("id")).toList();
    }

    /**
     * A bet committed, delivered, measured (its period PT1S) and its outcome recorded with this recommendation: the
     * outcome gate is open.
     */
    public String outcomeGateOpen(String recommendation) {
        return outcomeGateOpen(recommendation, this::commit);
    }

    /** As {@link #outcomeGateOpen(String)}, committed by {@code commit} (given the bet's id) instead of {@link #commit}. */
    public String outcomeGateOpen(String recommendation, Consumer<String> commit) {
        String bet = createBet("priya", "measurementPeriod", "PT1S");
        commit.accept(bet);
        mutateOk("erin", "markDelivered", map("betId", bet));
        mutateOk("priya", "confirmDelivery", map("betId", bet));
        await().atMost(Duration.ofSeconds(30)).until(() -> stage(bet).equals("OUTCOME_REVIEW"));
        mutateOk("priya", "recordOutcome", map("betId", bet,
                "actuals", List.of(map("metric", "checkout conversion", "actual", 2.5)), "whatWeLearned", "Half way there",
                "whatWeWouldDoDifferently", "Test with real shops sooner", "recommendation", recommendation));
        assertThat(waitingOn(bet)).containsExactlyInAnyOrder("task_sign_outcome_product", "task_sign_outcome_engineering");
        return bet;
    }

    /** Framing passed, options proposed and the first one signed by both: the bet is in DELIVERY. */
    public String commit(String betId, Object... briefOverrides) {
        passFraming(betId, briefOverrides);
        String option = proposeTwoOptions(betId).get(0);
        assertThat(sign("priya", betId, "COMMITMENT", "optionId", option).userErrors()).isEmpty();
        assertThat(sign("erin", betId, "COMMITMENT", "optionId", option).userErrors()).isEmpty();
        return option;
    }

    /** Everything leadership can see of the bet (see graphql-test/betState.graphql). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> state(String betId) {
        return as.apply("lena").documentName("betState").variable("id", betId).execute()
                .path("bet").entity(Map.class).get();
    }

    public String stage(String betId) {
        return (String) state(betId).get("stage");
    }

    @SuppressWarnings("unchecked")
    public List<String> waitingOn(String betId) {
        return ((List<Map<String, Object>>) state(betId).get("waitingOn")).stream().map(s -> (String) s.get("step")).toList();
    }

    /** The bet's open tasks with everything a task shows (see graphql-test/betWaiting.graphql). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> waitingTasks(String betId) {
        return (List<Map<String, Object>>) as.apply("lena").documentName("betWaiting").variable("id", betId).execute()
                .path("bet.waitingOn").entity(List.class).get();
    }

    /** The bet's recorded stall escalations (see graphql-test/betWaiting.graphql). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> escalations(String betId) {
        return (List<Map<String, Object>>) as.apply("lena").documentName("betWaiting").variable("id", betId).execute()
                .path("bet.escalations").entity(List.class).get();
    }

    /** The steps of this bet in this person's inbox (myTasks filtered by the bet). */
    @SuppressWarnings("unchecked")
    public List<String> inboxSteps(String user, String betId) {
        Map<String, Object> connection = as.apply(user).documentName("myTasks").variable("first", 50)
                .variable("filterBy", map("betId", betId)).execute().path("myTasks").entity(Map.class).get();
        return ((List<Map<String, Object>>) connection.get("edges")).stream()
                .map(edge -> (String) ((Map<String, Object>) edge.get("node")).get("step")).toList();
    }

    @SuppressWarnings("unchecked")
    public List<String> decisionKinds(String betId) {
        Map<String, Object> decisions = (Map<String, Object>) state(betId).get("decisions");
        return ((List<Map<String, Object>>) decisions.get("nodes")).stream().map(d -> (String) d.get("kind")).toList();
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
