package io.tandem.taskform;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.graphql.GlobalId;
import io.tandem.support.BetDriver;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.WebAppSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's form for a task, read as the web apps' signed-in person: it names the bet, shows what the step is about and
 * asks for what completing it takes; a completion the rules refuse answers 400 with the rule's code and message.
 */
class TaskFormTest extends GraphQlTestBase {

    @Autowired
    private ProcessEngine processEngine;

    @BeforeEach
    void webAppsFindThisEngine() {
        WebAppSession.registerForTheWebApps(processEngine);
    }

    @Test
    void theFramingSignOffsFormShowsTheBriefAndAsksForAnAnswerAndAReason() {
        String bet = driver.createBet("priya", "title", "Faster checkout");
        driver.completeFramingWork(bet);
        driver.addConstraint("erin", bet, "Payment provider rate limit");
        String task = engineTask(bet, PRODUCT_FRAMING).getId();

        JsonNode form = WebAppSession.read(session("priya").get(formPath(task)).body());

        assertThat(form.path("name").asText()).endsWith("Faster checkout").contains("Sign framing gate (product)");
        assertThat(form.path("bet").path("title").asText()).isEqualTo("Faster checkout");
        assertThat(form.path("bet").path("key").asText()).startsWith("BET-");
        assertThat(form.path("bet").path("stage").asText()).isEqualTo("FRAMING");
        assertThat(form.path("description").asText()).contains("signGate FRAMING");
        assertThat(headings(form)).containsExactly("Problem brief (revision 1)", "Success metrics", "Technical constraints");
        assertThat(item(form, "Problem brief (revision 1)", "Problem")).isEqualTo("Checkout abandons at the payment step");
        assertThat(item(form, "Success metrics", "checkout conversion")).isEqualTo("from 2 %, to 3 %");
        assertThat(item(form, "Technical constraints", "Payment provider rate limit (SHAPING)"))
                .endsWith("not acknowledged by product yet");
        assertThat(form.path("inputs").path("answer").asBoolean()).isTrue();
        assertThat(form.path("inputs").path("reason").asBoolean()).isTrue();
        assertThat(form.path("inputs").path("choice").isNull()).as("framing chooses nothing").isTrue();
        assertThat(form.path("inputs").path("response").asBoolean()).isFalse();
    }

    @Test
    void theCommitmentFormListsTheOptionsWithWhatEachGainsAndGivesUpAndAsksForOne() {
        String bet = driver.createBet("priya");
        List<String> options = List.of(driver.commitmentGateOpen(bet));
        String task = engineTask(bet, "task_sign_commitment_engineering").getId();

        JsonNode form = WebAppSession.read(session("erin").get(formPath(task)).body());

        JsonNode choice = form.path("inputs").path("choice");
        assertThat(choice.path("label").asText()).isEqualTo("Option");
        assertThat(StreamSupport.stream(choice.path("values").spliterator(), false).map(v -> v.path("value").asText()))
                .hasSize(2).contains(GlobalId.require("BetOption", options.get(0), "optionId").toString());
        JsonNode section = section(form, "Options");
        assertThat(section.path("items")).hasSize(2);
        assertThat(section.path("items").get(0).path("text").asText()).contains("gains: ").contains("gives up: ");
        assertThat(form.path("inputs").path("forecast").asBoolean()).as("a sealed forecast may come with it").isTrue();
        assertThat(form.path("inputs").path("nonGoals")).isEmpty();
    }

    @Test
    void aChangeRequestsFormSaysWhatTheProposerSignedInWordsNotItsId() {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        driver.mutateOk("erin", "requestWindowChange", input("betId", bet, "newWindow",
                LocalDate.now().plusMonths(4).toString(), "rationale", "The provider moved its API freeze"));
        String task = engineTask(bet, "task_sign_change_product").getId();

        JsonNode form = WebAppSession.read(session("priya").get(formPath(task)).body());

        assertThat(item(form, "Signed so far", "engineering: Erin Walsh"))
                .isEqualTo("approved — the change request above — The provider moved its API freeze");
        assertThat(form.path("inputs").path("forecast").asBoolean()).isFalse();
    }

    @Test
    void theOutcomeReviewsFormAsksAboutEveryNonGoalOfTheBrief() {
        String bet = driver.outcomeGateOpen("GRADUATE");
        String task = engineTask(bet, "task_sign_outcome_product").getId();

        JsonNode form = WebAppSession.read(session("priya").get(formPath(task)).body());

        assertThat(StreamSupport.stream(form.path("inputs").path("nonGoals").spliterator(), false).map(JsonNode::asText))
                .containsExactly("Redesigning the cart");
        assertThat(form.path("inputs").path("forecast").asBoolean()).isFalse();
    }

    @Test
    void theAskersCoSignatureShowsTheAskAndItsOptionsAndTheOutcomeReviewAsksAboutEveryReceipt() {
        String bet = driver.outcomeGateOpen("GRADUATE", id -> {
            driver.commit(id);
            driver.mutateOk("leo", "makeAsk", BetDriver.map("betId", id, "kind", "MORE_SCOPE", "request", "Add wallets"));
            driver.mutateOk("erin", "stateAskOptions", BetDriver.map("betId", id, "options", List.of(
                    BetDriver.map("summary", "Add wallets", "givesUp", "Three weeks of the fraud work"))));
            String option = engineAskOption(id);
            assertThat(driver.sign("priya", id, "OPTIONS", "optionId", option).userErrors()).isEmpty();
            assertThat(driver.sign("erin", id, "OPTIONS").userErrors()).isEmpty();
            JsonNode coSign = WebAppSession.read(session("leo").get(formPath(engineTask(id, "task_sign_options_leadership")
                    .getId())).body());
            assertThat(coSign.path("name").asText()).contains("Co-sign the chosen option");
            assertThat(item(coSign, "Leadership's ask", "Asked")).isEqualTo("Add wallets");
            assertThat(item(coSign, "Options for the ask", "Add wallets")).contains("gives up: Three weeks of the fraud work");
            assertThat(headings(coSign)).contains("Signed so far");
            assertThat(coSign.path("inputs").path("choice").path("values").get(0).path("value").asText()).isEqualTo(
                    GlobalId.require("AskOption", option, "optionId").toString());
            assertThat(driver.sign("leo", id, "OPTIONS").userErrors()).isEmpty();
        });
        JsonNode review = WebAppSession.read(session("priya").get(formPath(engineTask(bet, "task_sign_outcome_product")
                .getId())).body());
        assertThat(review.path("inputs").path("receipts")).singleElement().satisfies(receipt ->
                assertThat(receipt.path("label").asText()).contains("leo's ask", "gives up Three weeks of the fraud work"));
    }

    private String engineAskOption(String bet) {
        return as("lena").document("query($id: ID!) { bet(id: $id) { asks { options { id } } } }").variable("id", bet)
                .execute().path("bet.asks[0].options[0].id").entity(String.class).get();
    }

    @Test
    void aLateConstraintsAcknowledgementShowsTheConstraintAndAsksOnlyForAResponse() {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        driver.addConstraint("erin", bet, "Card data stays in the EU", "BLOCKING");
        String task = engineTask(bet, "task_acknowledge_constraint").getId();

        JsonNode form = WebAppSession.read(session("priya").get(formPath(task)).body());

        assertThat(item(form, "Technical constraint", "Title")).isEqualTo("Card data stays in the EU");
        assertThat(item(form, "Technical constraint", "Severity")).isEqualTo("BLOCKING");
        assertThat(item(form, "Technical constraint", "Recorded by")).isEqualTo("Erin Walsh");
        assertThat(form.path("inputs").path("response").asBoolean()).isTrue();
        assertThat(form.path("inputs").path("answer").asBoolean()).isFalse();
        assertThat(form.path("inputs").path("reason").asBoolean()).isFalse();
    }

    @Test
    void aTaskTheSignedInPersonMayNotSeeIsNotFoundAndNobodySignedInIsUnauthorized() {
        String bet = driver.framingGateOpen();
        String task = engineTask(bet, PRODUCT_FRAMING).getId();

        HttpResponse<String> engineering = session("erin").get(formPath(task));
        assertThat(engineering.statusCode()).isEqualTo(404);
        assertThat(WebAppSession.read(engineering.body()).path("message").asText()).contains(task);
        assertThat(session("erin").get(formPath("no-such-task")).statusCode()).isEqualTo(404);
        http().get().uri(formPath(task)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void everyTaskOpensTandemsFormDeployedWithTheProcess() {
        String bet = driver.framingGateOpen();
        String task = engineTask(bet, PRODUCT_FRAMING).getId();
        WebAppSession priya = session("priya");

        assertThat(priya.engineJson("/task/" + task + "/form").path("key").asText())
                .isEqualTo("embedded:deployment:bpmn/forms/bet-task.html");
        HttpResponse<String> html = priya.engine("GET", "/task/" + task + "/deployed-form", null);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<form").contains("cam-script").contains("/tandem/tasks/");
    }

    @Test
    void aCompletionTheRulesRefuseIsABadRequestWithTheRulesMessageAndChangesNothing() {
        String bet = driver.framingGateOpen();
        WebAppSession sam = session("sam");
        String product = engineTask(bet, PRODUCT_FRAMING).getId();
        assertThat(sam.engine("POST", "/task/" + product + "/claim", "{\"userId\": \"sam\"}").statusCode()).isEqualTo(204);
        assertThat(sam.engine("POST", "/task/" + product + "/submit-form",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}").statusCode()).isEqualTo(204);
        String engineering = engineTask(bet, ENGINEERING_FRAMING).getId();
        assertThat(sam.engine("POST", "/task/" + engineering + "/claim", "{\"userId\": \"sam\"}").statusCode()).isEqualTo(204);
        List<String> kinds = driver.decisionKinds(bet);

        HttpResponse<String> refused = sam.engine("POST", "/task/" + engineering + "/submit-form",
                "{\"variables\": {\"answer\": {\"value\": \"APPROVE\"}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = WebAppSession.read(refused.body());
        assertThat(body.path("message").asText()).contains(": SAME_PERSON: Sam Rivera already signed the product side");
        assertThat(refused.body()).doesNotContain("\tat ").doesNotContain("io.tandem");
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);
        assertThat(driver.decisionKinds(bet)).isEqualTo(kinds);
        assertThat(driver.stage(bet)).isEqualTo("FRAMING");
    }

    private WebAppSession session(String user) {
        return WebAppSession.demoLogin(port, user, "tasklist");
    }

    private static String formPath(String task) {
        return "/camunda/tandem/tasks/" + task + "/form";
    }

    private static List<String> headings(JsonNode form) {
        return StreamSupport.stream(form.path("sections").spliterator(), false).map(s -> s.path("heading").asText()).toList();
    }

    private static JsonNode section(JsonNode form, String heading) {
        return StreamSupport.stream(form.path("sections").spliterator(), false)
                .filter(s -> s.path("heading").asText().equals(heading)).findFirst().orElseThrow(() ->
                        new AssertionError("no section " + heading + " in " + form));
    }

    private static String item(JsonNode form, String heading, String label) {
        return StreamSupport.stream(section(form, heading).path("items").spliterator(), false)
                .filter(i -> i.path("label").asText().equals(label)).map(i -> i.path("text").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + label + " under " + heading + " in " + form));
    }
}
