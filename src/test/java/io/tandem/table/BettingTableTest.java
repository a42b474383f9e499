package io.tandem.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

/**
 * Leadership's betting table through GraphQL, as leadership, product and engineering: cycles with team capacity,
 * bets pitched with their appetite, placements refused past capacity until the placer names what gives way (recorded
 * as one TABLE decision in every bet it touches), and a table closed by two different leadership people. Every
 * refusal has its code and changes nothing.
 */
class BettingTableTest extends GraphQlTestBase {

    private static final String CYCLE = """
            query($id: ID!) { node(id: $id) { ... on Cycle { name closedAt capacity { team personWeeks placedWeeks remainingWeeks }
              placed { id position appetiteWeeks bet { id } } pitched { id bet { id } }
              notPlaced { id status reason bet { id } } signatures { signerId } } } }""";

    @Test
    @SuppressWarnings("unchecked")
    void aPlacementPastCapacityIsRefusedUntilSomethingGivesWayAndEveryBetItTouchesLogsIt() {
        String team = "Payments " + System.nanoTime();
        String cycle = createCycle("Q1 " + team, "2030-01-05", "2030-03-29", team, 10.0);
        String later = createCycle("Q2 " + team, "2030-04-05", "2030-06-28", team, 10.0);
        String a = driver.createBet("priya", "team", team);
        String b = driver.createBet("priya", "team", team);
        String pitchA = pitch("priya", a, cycle, 6.0);
        String pitchB = pitch("erin", b, cycle, 6.0);

        Payload first = place(pitchA, null);
        assertThat(first.userErrors()).isEmpty();
        assertThat(first.get("pitch")).containsEntry("status", "PLACED").containsEntry("position", 1);
        assertThat(tableEntries(a)).singleElement().satisfies(entry -> {
            assertThat((String) entry.get("context")).contains("placed on Q1 " + team + " at position 1");
            assertThat(signers(entry)).containsExactly(Map.of("userId", "lena", "role", "leadership"));
        });

        Payload over = place(pitchB, null);
        assertThat(over.userErrors()).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "OVER_CAPACITY")
                .containsEntry("field", "giveWay").hasEntrySatisfying("message", m -> assertThat((String) m)
                        .contains("has 10 person-weeks", "6 of them placed", "appetite is 6")));
        assertThat(cycle(cycle).get("pitched")).asList().hasSize(1);
        assertThat(tableEntries(a)).hasSize(1);
        assertThat(tableEntries(b)).isEmpty();

        Payload moved = place(pitchB, Map.of("kind", "MOVE", "pitchId", pitchA, "toCycleId", later,
                "reason", "Fraud checks cannot wait a quarter"));
        assertThat(moved.userErrors()).isEmpty();
        assertThat(moved.get("pitch")).containsEntry("status", "PLACED").containsEntry("position", 1);
        assertThat(tableEntries(b)).singleElement().satisfies(entry -> {
            assertThat((String) entry.get("context")).contains("moved to Q2 " + team);
            assertThat(entry).containsEntry("rationale", "Fraud checks cannot wait a quarter");
        });
        assertThat(tableEntries(a)).hasSize(2).last().satisfies(entry ->
                assertThat(entry.get("context")).isEqualTo(tableEntries(b).get(0).get("context")));
        Map<String, Object> q1 = cycle(cycle);
        assertThat((List<Map<String, Object>>) q1.get("notPlaced")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("status", "MOVED").containsEntry("reason", "Fraud checks cannot wait a quarter"));
        assertThat((List<Map<String, Object>>) cycle(later).get("pitched")).singleElement()
                .satisfies(p -> assertThat(p.get("bet")).isEqualTo(Map.of("id", a)));

        String c = driver.createBet("priya", "team", team);
        String pitchC = pitch("priya", c, cycle, 3.0);
        assertThat(place(pitchC, Map.of("kind", "RAISE_CAPACITY", "personWeeks", 20.0, "reason", "Why not"))
                .userErrors()).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT")
                        .hasEntrySatisfying("message", m -> assertThat((String) m).contains("nothing needs to give way")));
        assertThat(place(pitchC, null).get("pitch")).containsEntry("position", 2);

        String d = driver.createBet("priya", "team", team);
        String pitchD = pitch("priya", d, cycle, 4.0);
        assertThat(place(pitchD, Map.of("kind", "RAISE_CAPACITY", "personWeeks", 12.0, "reason", "Two contractors"))
                .errorCodes()).containsExactly("OVER_CAPACITY");
        Payload raised = place(pitchD, Map.of("kind", "RAISE_CAPACITY", "personWeeks", 13.0, "reason", "Three contractors"));
        assertThat(raised.userErrors()).isEmpty();
        assertThat((String) tableEntries(d).get(0).get("context")).contains("capacity raised from 10 to 13 person-weeks");
        assertThat((List<Map<String, Object>>) cycle(cycle).get("capacity")).singleElement().satisfies(capacity ->
                assertThat(capacity).containsEntry("personWeeks", 13.0).containsEntry("placedWeeks", 13.0)
                        .containsEntry("remainingWeeks", 0.0));

        String e = driver.createBet("priya", "team", team);
        String pitchE = pitch("priya", e, cycle, 5.0);
        assertThat(place(pitchE, Map.of("kind", "REMOVE", "pitchId", pitchC, "reason", "Smaller first")).errorCodes())
                .as("removing 3 frees too little for 5").containsExactly("OVER_CAPACITY");
        Payload removed = place(pitchE, Map.of("kind", "REMOVE", "pitchId", pitchB, "reason", "Fraud checks can wait"));
        assertThat(removed.userErrors()).isEmpty();
        assertThat((List<Map<String, Object>>) removed.body().get("decisions")).hasSize(2);
        List<Map<String, Object>> placed = (List<Map<String, Object>>) cycle(cycle).get("placed");
        assertThat(placed).extracting(p -> p.get("bet")).containsExactly(Map.of("id", c), Map.of("id", d), Map.of("id", e));
        assertThat(placed).extracting(p -> p.get("position")).containsExactly(1, 2, 3);
        assertThat((List<Map<String, Object>>) cycle(cycle).get("notPlaced")).extracting(p -> p.get("status"))
                .containsExactlyInAnyOrder("MOVED", "GAVE_WAY");
        for (String bet : List.of(a, b, c, d, e)) {
            assertThat(verify(bet)).as("every chain still verifies").isTrue();
        }
        Object tableEntry = as("lena").document("query($id: ID!) { node(id: $id) { ... on Bet { latestDecision { id kind } } } }")
                .variable("id", e).execute().path("node.latestDecision.id").entity(String.class).get();
        assertThat(driver.mutate("priya", "recordCorrection", Map.of("betId", e, "supersedes", tableEntry, "rationale",
                "We never agreed to this")).errorCodes()).as("the table's decision is leadership's").containsExactly("WRONG_ROLE");
    }

    @Test
    void refusalsHaveTheirCodeAndChangeNothing() {
        String team = "Growth " + System.nanoTime();
        String other = "Search " + System.nanoTime();
        String cycle = createCycle("Refusals " + team, "2031-01-05", "2031-03-29", team, 4.0, other, 4.0);
        String bet = driver.createBet("priya", "team", team);

        forbidden("priya", "createCycle", cycleInput("Not mine " + team, "2031-01-05", "2031-03-29", team, 1.0));
        assertThat(driver.mutate("lena", "createCycle", cycleInput("Backwards " + team, "2031-03-29", "2031-01-05", team, 1.0))
                .errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(driver.mutate("lena", "createCycle", cycleInput("Refusals " + team, "2031-01-05", "2031-03-29", team, 1.0))
                .errorCodes()).as("a name taken").containsExactly("INVALID_INPUT");
        forbidden("lena", "pitchBet", pitchInput(bet, cycle));
        assertThat(driver.mutate("priya", "pitchBet", pitchInput(bet, cycle)).errorCodes())
                .as("a brief without an appetite").containsExactly("BRIEF_INCOMPLETE");
        for (double amount : new double[] {0.0, 1.25, 10000.5}) {
            assertThat(driver.reviseBrief("priya", bet, "appetite", Map.of("amount", amount, "unit", "PERSON_WEEKS"))
                    .userErrors()).as("an appetite of %s", amount).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "INVALID_INPUT").containsEntry("field", "appetite.amount"));
        }
        assertThat(driver.mutate("priya", "pitchBet", pitchInput(driver.createBet("priya"), cycle)).userErrors())
                .as("a bet without a team").singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "betId"));
        String spike = driver.createBet("priya", "team", team);
        driver.passFraming(spike);
        assertThat(driver.mutate("priya", "pitchBet", pitchInput(spike, cycle)).errorCodes()).containsExactly("WRONG_STAGE");
        String led = driver.createBet("priya", "team", team, "productLead", "priya", "engineeringLead", "erin");
        assertThat(driver.mutate("ethan", "pitchBet", pitchInput(led, cycle)).errorCodes()).containsExactly("NOT_THE_LEAD");

        String pitch = pitch("priya", bet, cycle, 3.0);
        assertThat(driver.mutate("priya", "pitchBet", pitchInput(bet, cycle)).errorCodes())
                .as("one open cycle at a time").containsExactly("INVALID_INPUT");
        String otherBet = driver.createBet("priya", "team", other);
        String otherPitch = pitch("priya", otherBet, cycle, 3.0);
        place(otherPitch, null);
        forbidden("priya", "placeBet", Map.of("pitchId", pitch));
        assertThat(place(pitch, null).get("pitch")).containsEntry("status", "PLACED");
        String more = pitch("priya", driver.createBet("priya", "team", team), cycle, 2.0);
        assertThat(place(more, Map.of("kind", "REMOVE", "pitchId", otherPitch, "reason", "Other team")).userErrors())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT")
                        .containsEntry("field", "giveWay.pitchId"));
        assertThat(place(more, Map.of("kind", "REMOVE", "pitchId", pitch, "reason", " ")).userErrors())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("field", "giveWay.reason"));
        assertThat(place(more, Map.of("kind", "MOVE", "pitchId", pitch, "toCycleId", cycle, "reason", "Same cycle"))
                .userErrors()).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "giveWay.toCycleId"));
        assertThat(driver.mutate("lena", "placeBet", Map.of("pitchId", more, "position", 9)).errorCodes())
                .containsExactly("INVALID_INPUT");
        Map<String, Object> after = cycle(cycle);
        assertThat((List<?>) after.get("placed")).hasSize(2);
        assertThat((List<?>) after.get("pitched")).hasSize(1);
        assertThat((List<?>) after.get("notPlaced")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoDifferentLeadersCloseATableAndWhatItDidNotPlaceIsListed() {
        String team = "Platform " + System.nanoTime();
        String cycle = createCycle("Closing " + team, "2032-01-05", "2032-03-29", team, 5.0);
        String placedBet = driver.createBet("priya", "team", team);
        String waitingBet = driver.createBet("priya", "team", team);
        place(pitch("priya", placedBet, cycle, 5.0), null);
        pitch("priya", waitingBet, cycle, 1.0);

        assertThat(sign("lena", cycle).userErrors()).isEmpty();
        assertThat(cycle(cycle).get("closedAt")).isNull();
        assertThat(sign("lena", cycle).errorCodes()).containsExactly("SAME_PERSON");
        forbidden("priya", "signCycleTable", Map.of("cycleId", cycle));
        Payload closed = sign("leo", cycle);

        assertThat(closed.userErrors()).isEmpty();
        assertThat(closed.get("cycle").get("closedAt")).isNotNull();
        Map<String, Object> table = cycle(cycle);
        assertThat((List<Map<String, Object>>) table.get("notPlaced")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("status", "NOT_PLACED").containsEntry("reason", "The table closed without it"));
        assertThat((List<Map<String, Object>>) table.get("signatures")).extracting(s -> s.get("signerId"))
                .containsExactly("lena", "leo");
        assertThat(tableEntries(placedBet)).last().satisfies(entry -> {
            assertThat((String) entry.get("context")).contains("closed; this bet was placed at position 1");
            assertThat(signers(entry)).extracting(s -> s.get("userId")).containsExactly("lena", "leo");
        });
        assertThat((String) tableEntries(waitingBet).get(0).get("context")).contains("not placed");
        assertThat(sign("leo", cycle).errorCodes()).containsExactly("CYCLE_CLOSED");
        assertThat(driver.mutate("priya", "pitchBet", pitchInput(driver.createBet("priya", "team", team), cycle))
                .errorCodes()).containsExactly("CYCLE_CLOSED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatTheTablesChoicesCameToPerCyclePerLeaderAndPerTeam() {
        String team = "Checkout " + System.nanoTime();
        LocalDate today = LocalDate.now();
        String cycle = createCycle("Now " + team, today.toString(), today.plusDays(30).toString(), team, 8.0);
        String later = createCycle("Later " + team, today.plusDays(40).toString(), today.plusDays(70).toString(), team, 8.0);
        List<String> pitches = new ArrayList<>();
        String won = driver.outcomeGateOpen("GRADUATE", id -> {
            driver.mutateOk("priya", "updateBet", input("betId", id, "team", team));
            pitches.add(pitch("priya", id, cycle, 4.0));
            place(pitches.get(0), null);
            driver.commit(id);
        });
        driver.sign("priya", won, "OUTCOME_REVIEW", "outcomeVerdict", "WON");
        driver.sign("erin", won, "OUTCOME_REVIEW", "outcomeVerdict", "WON");
        String moved = driver.createBet("priya", "team", team);
        String movedPitch = pitch("priya", moved, cycle, 4.0);
        place(movedPitch, null);
        String killed = driver.createBet("priya", "team", team);
        place(pitch("priya", killed, cycle, 4.0), Map.of("kind", "MOVE", "pitchId", movedPitch, "toCycleId", later,
                "reason", "It waits for the new provider"));
        driver.mutateOk("erin", "proposeKill", input("betId", killed, "rationale", "The provider dropped the feature"));
        assertThat(driver.sign("priya", killed, "KILL").userErrors()).isEmpty();

        Map<String, Object> results = (Map<String, Object>) as("lena").document("query($id: ID!) { node(id: $id) { ... on Cycle {"
                + " results { placed won lost inconclusive killed open carriedOver } } } }").variable("id", cycle).execute()
                .path("node.results").entity(Map.class).get();
        assertThat(results).isEqualTo(Map.of("placed", 2, "won", 1, "lost", 0, "inconclusive", 0, "killed", 1, "open", 0,
                "carriedOver", 1));
        Map<String, Object> scorecard = as("lena").document("query($team: String) { scorecard(input: {from: \"" + today
                        + "\", to: \"" + today + "\", team: $team}) { leaders { userId betsPlaced won winRate }"
                        + " teamCapacity { team plannedWeeks placedWeeks } } }").variable("team", team).execute()
                .path("scorecard").entity(Map.class).get();
        assertThat((List<Map<String, Object>>) scorecard.get("leaders")).containsExactly(
                Map.of("userId", "lena", "betsPlaced", 2, "won", 1, "winRate", 1.0));
        assertThat((List<Map<String, Object>>) scorecard.get("teamCapacity")).containsExactly(
                Map.of("team", team, "plannedWeeks", 8.0, "placedWeeks", 8.0));
    }

    private String createCycle(String name, String startsOn, String endsOn, Object... teamsAndWeeks) {
        Payload created = driver.mutateOk("lena", "createCycle", cycleInput(name, startsOn, endsOn, teamsAndWeeks));
        return (String) created.get("cycle").get("id");
    }

    private static Map<String, Object> cycleInput(String name, String startsOn, String endsOn, Object... teamsAndWeeks) {
        List<Map<String, Object>> capacity = new ArrayList<>();
        for (int i = 0; i < teamsAndWeeks.length; i += 2) {
            capacity.add(Map.of("team", teamsAndWeeks[i], "personWeeks", teamsAndWeeks[i + 1]));
        }
        return Map.of("name", name, "startsOn", startsOn, "endsOn", endsOn, "capacity", capacity);
    }

    /** Product names the bet's appetite in its brief, then {@code user} pitches it. */
    private String pitch(String user, String bet, String cycle, double weeks) {
        assertThat(driver.reviseBrief("priya", bet, "appetite", Map.of("amount", weeks, "unit", "PERSON_WEEKS")).userErrors())
                .isEmpty();
        return (String) driver.mutateOk(user, "pitchBet", pitchInput(bet, cycle)).get("pitch").get("id");
    }

    private static Map<String, Object> pitchInput(String bet, String cycle) {
        return Map.of("betId", bet, "cycleId", cycle);
    }

    private Payload place(String pitch, Map<String, Object> giveWay) {
        Map<String, Object> input = new HashMap<>(Map.of("pitchId", pitch));
        if (giveWay != null) {
            input.put("giveWay", giveWay);
        }
        return driver.mutate("lena", "placeBet", input);
    }

    private Payload sign(String user, String cycle) {
        return driver.mutate(user, "signCycleTable", Map.of("cycleId", cycle));
    }

    private void forbidden(String user, String operation, Map<String, Object> input) {
        List<ResponseError> errors = new ArrayList<>();
        as(user).documentName(operation).variable("input", input).execute().errors().satisfy(errors::addAll);
        assertThat(errors).as(operation + " by " + user).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> cycle(String id) {
        return as("lena").document(CYCLE).variable("id", id).execute().path("node").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tableEntries(String bet) {
        List<Map<String, Object>> entries = as("lena").document("query($id: ID!) { node(id: $id) { ... on Bet {"
                + " decisions(first: 100) { nodes { kind context rationale signers { userId role } } } } } }")
                .variable("id", bet).execute().path("node.decisions.nodes").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        return entries.stream().filter(entry -> "TABLE".equals(entry.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> signers(Map<String, Object> entry) {
        return (List<Map<String, Object>>) entry.get("signers");
    }

    private boolean verify(String bet) {
        return as("ivan").document("query($id: ID!) { verifyDecisionLog(betId: $id) { valid } }").variable("id", bet)
                .execute().path("verifyDecisionLog.valid").entity(Boolean.class).get();
    }
}
