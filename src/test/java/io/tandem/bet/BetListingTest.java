package io.tandem.bet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Listing bets: keyset pages, filters, and a cost that does not grow with the page size. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BetListingTest extends GraphQlTestBase {

    private String prefix;
    private final List<String> created = new ArrayList<>();

    @BeforeAll
    void createFiftyBetsWithBriefsAndSomeDecisions() {
        createDriver();
        prefix = "Listing " + System.nanoTime() + " ";
        for (int i = 0; i < 50; i++) {
            String bet = driver.createBet(i % 2 == 0 ? "priya" : "erin", "title", prefix + String.format("%02d", i));
            created.add(bet);
            assertThat(driver.reviseBrief("priya", bet).ok()).isTrue();
            if (i % 5 == 0) {
                driver.addConstraint("erin", bet, "Constraint of " + i);
                driver.mutateOk("priya", "submitBrief", input("betId", bet));
                driver.mutateOk("erin", "submitConstraints", input("betId", bet));
                assertThat(driver.sign("erin", bet, "FRAMING", "answer", "REQUEST_CHANGES", "reason", "Sharper metric").ok()).isTrue();
            }
        }
    }

    @Test
    void listingFiftyBetsWithBriefsAndLatestDecisionsCostsAsManyStatementsAsListingFive() {
        StatementCounter.reset();
        Map<String, Object> five = page(5, null);
        long fiveCost = StatementCounter.count();
        StatementCounter.reset();
        Map<String, Object> fifty = page(50, null);
        long fiftyCost = StatementCounter.count();

        assertThat(edges(five)).hasSize(5);
        assertThat(edges(fifty)).hasSize(50);
        assertThat(edges(fifty)).allSatisfy(edge -> assertThat(node(edge).get("brief")).isNotNull());
        assertThat(edges(fifty)).filteredOn(edge -> node(edge).get("latestDecision") != null).hasSize(10);
        System.out.printf("SQL statements for a page of bets with briefs, latest decisions, constraints and open tasks: "
                + "5 bets -> %d, 50 bets -> %d%n", fiveCost, fiftyCost);
        assertThat(fiveCost).isPositive();
        assertThat(fiftyCost).isEqualTo(fiveCost);
    }

    @Test
    void readsAPageAndEverythingNestedInItInOneTransaction() {
        StatementCounter.reset();
        Map<String, Object> fifty = page(50, null);

        assertThat(edges(fifty)).hasSize(50);
        // the page, then each nested lookup (briefs, latest decisions, constraints, acknowledgements, open tasks)
        assertThat(StatementCounter.count()).isGreaterThanOrEqualTo(6);
        assertThat(StatementCounter.connections()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheLatestRevisionOfEachBetsBrief() {
        String bet = driver.createBet("priya", "title", "Revised three times " + System.nanoTime());
        for (String problem : List.of("First problem", "Second problem", "Third problem")) {
            assertThat(driver.reviseBrief("priya", bet, "problem", problem).ok()).isTrue();
        }

        Map<String, Object> read = as("lena").document("query($id: ID!) { bet(id: $id) { brief { revision problem } briefRevisions { revision } } }")
                .variable("id", bet).execute().path("bet").entity(Map.class).get();

        List<Map<String, Object>> revisions = (List<Map<String, Object>>) read.get("briefRevisions");
        assertThat(revisions).hasSizeGreaterThanOrEqualTo(3);
        assertThat((Map<String, Object>) read.get("brief"))
                .containsEntry("revision", revisions.get(revisions.size() - 1).get("revision"))
                .containsEntry("problem", "Third problem");
    }

    @Test
    void countsTheBetsOnlyWhenTotalCountIsAsked() {
        String withCount = "query($f: BetFilter) { bets(first: 5, filterBy: $f) { totalCount nodes { id } } }";
        String withoutCount = "query($f: BetFilter) { bets(first: 5, filterBy: $f) { nodes { id } } }";
        StatementCounter.reset();
        as("lena").document(withCount).variable("f", Map.of("titleContains", prefix)).execute()
                .path("bets.totalCount").entity(Integer.class).isEqualTo(50);
        long counted = StatementCounter.count();
        StatementCounter.reset();
        as("lena").document(withoutCount).variable("f", Map.of("titleContains", prefix)).execute()
                .path("bets.nodes").entityList(Object.class).hasSize(5);
        long notCounted = StatementCounter.count();

        // a count reads every matching bet; a page stops after first + 1
        assertThat(notCounted).isEqualTo(counted - 1);
    }

    @Test
    void pagesThroughBetsWithKeysetCursorsWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> page = page(7, after);
            edges(page).forEach(edge -> seen.add((String) node(edge).get("id")));
            Map<String, Object> info = pageInfo(page);
            hasNext = (Boolean) info.get("hasNextPage");
            after = (String) info.get("endCursor");
            assertThat(page.get("totalCount")).isEqualTo(50);
        }
        assertThat(seen).hasSize(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void ordersByTitleAndFiltersByStage() {
        Map<String, Object> byTitle = as("lena").documentName("betPage")
                .variable("first", 3).variable("filterBy", Map.of("titleContains", prefix))
                .variable("orderBy", Map.of("field", "TITLE", "direction", "ASC"))
                .execute().path("bets").entity(Map.class).get();
        assertThat(edges(byTitle)).extracting(edge -> node(edge).get("title"))
                .containsExactly(prefix + "00", prefix + "01", prefix + "02");

        Map<String, Object> closed = as("ivan").documentName("betPage")
                .variable("filterBy", Map.of("titleContains", prefix, "stages", List.of("CLOSED")))
                .execute().path("bets").entity(Map.class).get();
        assertThat(closed.get("totalCount")).isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(int first, String after) {
        return as("lena").documentName("betPage").variable("first", first).variable("after", after)
                .variable("filterBy", Map.of("titleContains", prefix))
                .execute().path("bets").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("edges");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageInfo(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pageInfo");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> edge) {
        return (Map<String, Object>) edge.get("node");
    }
}
