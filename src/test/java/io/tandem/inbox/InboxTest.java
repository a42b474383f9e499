package io.tandem.inbox;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static io.tandem.support.TaskKeys.PRODUCT_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * What each person's inbox shows over GraphQL (by role and by being the bet's named lead), its filters, orderings
 * and pages, and the rules for taking, letting go of and handing over tasks.
 */
class InboxTest extends GraphQlTestBase {

    /** An id as identity providers issue them, which the engine's default id pattern refuses. */
    private static final String JANE = "jane.doe-2";

    @Autowired
    private UserDetailsService userDetails;

    @Test
    void showsEachPersonTheTasksTheirRolesAndLeadsLetThemTake() {
        String open = driver.framingGateOpen();
        String led = driver.framingGateOpen("productLead", "paul");

        assertThat(steps("priya", open)).containsExactly(PRODUCT_FRAMING);
        assertThat(steps("erin", open)).containsExactly(ENGINEERING_FRAMING);
        assertThat(steps("sam", open)).containsExactlyInAnyOrder(PRODUCT_FRAMING, ENGINEERING_FRAMING);
        assertThat(steps("lena", open)).isEmpty();
        assertThat(steps("ivan", open)).isEmpty();

        assertThat(steps("priya", led)).as("paul is the named product lead").isEmpty();
        assertThat(steps("sam", led)).containsExactly(ENGINEERING_FRAMING);
        Map<String, Object> paulsTask = tasks("paul", filter("betId", led)).get(0);
        assertThat(paulsTask).containsEntry("step", PRODUCT_FRAMING).containsEntry("lead", "paul")
                .containsEntry("gate", "FRAMING").containsEntry("role", "PRODUCT").containsEntry("assignee", null)
                .containsEntry("stalled", false).containsEntry("overdue", false).containsEntry("priority", 50);
        assertThat((String) paulsTask.get("needs")).contains("signGate FRAMING");
        assertThat(((Map<?, ?>) paulsTask.get("bet")).get("id")).isEqualTo(led);
        Instant since = Instant.parse((String) paulsTask.get("since"));
        assertThat(Instant.parse((String) paulsTask.get("dueAt"))).as("due after the default stall threshold")
                .isEqualTo(since.plus(Duration.ofDays(3)));
    }

    @Test
    void filtersOrdersAndPagesTheInbox() {
        List<String> bets = List.of(driver.framingGateOpen(), driver.framingGateOpen(), driver.framingGateOpen());

        List<Map<String, Object>> pages = everyPage("priya", 2, filter("gate", "FRAMING"), null);
        List<Map<String, Object>> all = pages.stream().flatMap(page -> nodes(page).stream()).toList();
        int totalCount = ((Number) pages.get(pages.size() - 1).get("totalCount")).intValue();
        // the count (a statement of its own, without the page's join to the bets) says what the pages hold
        assertThat(totalCount).isEqualTo(all.size()).isGreaterThanOrEqualTo(3);

        List<String> ids = all.stream().map(t -> (String) t.get("taskId")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(t -> assertThat(t).containsEntry("gate", "FRAMING").containsEntry("role", "PRODUCT"));
        assertThat(all.stream().map(t -> betOf(t)).toList()).containsAll(bets);
        List<Instant> opened = all.stream().map(t -> Instant.parse((String) t.get("since"))).toList();
        assertThat(opened).isSorted();

        String first = bets.get(0);
        driver.mutateOk("priya", "claimTask", input("taskId", taskOf("priya", first, PRODUCT_FRAMING)));
        assertThat(steps("priya", first, "claimed", true)).containsExactly(PRODUCT_FRAMING);
        assertThat(steps("priya", first, "claimed", false)).isEmpty();
        assertThat(steps("priya", bets.get(1), "claimed", true)).isEmpty();
        assertThat(steps("priya", first, "overdue", true)).isEmpty();
        assertThat(steps("priya", first, "overdue", false)).containsExactly(PRODUCT_FRAMING);
        assertThat(steps("priya", first, "gate", "COMMITMENT")).isEmpty();

        List<Map<String, Object>> byDueDesc = nodes(myTasks("priya", 50, null, filter("gate", "FRAMING"),
                Map.of("field", "DUE", "direction", "DESC")));
        assertThat(byDueDesc.stream().map(t -> Instant.parse((String) t.get("dueAt"))).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void pagesByDueTimeAndPriorityInTheOrderOfOneLongPage() {
        driver.framingGateOpen();
        driver.framingGateOpen();
        driver.framingGateOpen();
        // PRIORITY's default direction is DESC
        record Ordering(Map<String, Object> orderBy, String field, boolean descending) {
        }
        for (Ordering ordering : List.of(new Ordering(Map.of("field", "DUE"), "dueAt", false),
                new Ordering(Map.of("field", "DUE", "direction", "DESC"), "dueAt", true),
                new Ordering(Map.of("field", "PRIORITY"), "priority", true),
                new Ordering(Map.of("field", "PRIORITY", "direction", "ASC"), "priority", false))) {
            Map<String, Object> longPage = myTasks("priya", 50, null, filter("gate", "FRAMING"), ordering.orderBy());
            List<String> firstFifty = nodes(longPage).stream().map(t -> (String) t.get("taskId")).toList();
            int total = ((Number) longPage.get("totalCount")).intValue();
            assertThat(firstFifty).as("%s", ordering).hasSize(Math.min(total, 50)).hasSizeGreaterThanOrEqualTo(3);

            List<Map<String, Object>> paged = everyPage("priya", 2, filter("gate", "FRAMING"), ordering.orderBy()).stream()
                    .flatMap(page -> nodes(page).stream()).toList();

            assertThat(paged.stream().map(t -> (String) t.get("taskId")).toList()).as("%s", ordering)
                    .hasSize(total).doesNotHaveDuplicates().startsWith(firstFifty.toArray(String[]::new));
            List<Long> keys = paged.stream().map(t -> sortKey(t.get(ordering.field()))).toList();
            assertThat(keys).as("%s", ordering).isSortedAccordingTo(ordering.descending()
                    ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        }
    }

    @Test
    void byDueTimeTasksWithoutOneComeLastAndPagingCrossesFromDatedToUndated() {
        driver.createBet("priya");
        driver.framingGateOpen();

        Map<String, Object> longPage = myTasks("priya", 50, null, null, Map.of("field", "DUE"));
        int total = ((Number) longPage.get("totalCount")).intValue();
        List<Map<String, Object>> paged = everyPage("priya", 7, null, Map.of("field", "DUE")).stream()
                .flatMap(page -> nodes(page).stream()).toList();

        assertThat(paged).hasSize(total).extracting(t -> t.get("taskId")).doesNotHaveDuplicates();
        assertThat(paged).as("a bet in framing waits on its brief, which has no due time")
                .anySatisfy(t -> assertThat(t.get("dueAt")).isNull());
        assertThat(paged.stream().map(t -> t.get("dueAt")).dropWhile(Objects::nonNull)).as("undated after every dated one")
                .allMatch(Objects::isNull);
    }

    @Test
    void totalCountIsTheNumberOfTasksPagedHeldOrNotAndFollowsAClaim() {
        String bet = driver.framingGateOpen();
        Map<Boolean, Integer> before = new java.util.HashMap<>();
        for (Boolean claimed : new Boolean[] {null, true, false}) {
            // framing sign-offs only: no timer of another test's bet opens one meanwhile
            Map<String, Object> filter = claimed == null ? filter("gate", "FRAMING") : filter("gate", "FRAMING", "claimed", claimed);
            int total = ((Number) myTasks("priya", 1, null, filter, null).get("totalCount")).intValue();
            assertThat(everyPage("priya", 25, filter, null).stream().mapToInt(page -> nodes(page).size()).sum())
                    .as("claimed %s", claimed).isEqualTo(total);
            before.put(claimed, total);
        }
        assertThat(before.get(null)).isEqualTo(before.get(true) + before.get(false));

        driver.mutateOk("priya", "claimTask", input("taskId", taskOf("priya", bet, PRODUCT_FRAMING)));

        assertThat(((Number) myTasks("priya", 1, null, filter("gate", "FRAMING", "claimed", true), null).get("totalCount"))
                .intValue()).isEqualTo(before.get(true) + 1);
        assertThat(((Number) myTasks("priya", 1, null, filter("gate", "FRAMING", "claimed", false), null).get("totalCount"))
                .intValue()).isEqualTo(before.get(false) - 1);
        assertThat(((Number) myTasks("priya", 1, null, filter("gate", "FRAMING"), null).get("totalCount")).intValue())
                .isEqualTo(before.get(null));
    }

    /** A due time (ISO text) in nanoseconds since the epoch, or a priority as it is. */
    private static long sortKey(Object value) {
        if (value instanceof String dueAt) {
            Instant instant = Instant.parse(dueAt);
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        }
        return ((Number) value).longValue();
    }

    @Test
    void refusesACursorOfAnotherOrdering() {
        driver.framingGateOpen();
        Map<String, Object> page = myTasks("priya", 1, null, null, null);
        String cursor = (String) ((Map<?, ?>) page.get("pageInfo")).get("endCursor");

        as("priya").documentName("myTasks").variable("first", 1).variable("after", cursor)
                .variable("orderBy", Map.of("field", "PRIORITY")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("another ordering")));
    }

    @Test
    void aClaimedTaskShowsItsHolderAndNobodyElseCanTakeIt() {
        String bet = driver.framingGateOpen();
        String task = taskOf("priya", bet, PRODUCT_FRAMING);

        Payload claimed = driver.mutateOk("priya", "claimTask", input("taskId", task));
        assertThat(claimed.get("task")).containsEntry("assignee", "priya");
        assertThat(driver.mutateOk("priya", "claimTask", input("taskId", task)).get("task"))
                .as("claiming one's own task again").containsEntry("assignee", "priya");

        Payload stolen = driver.mutate("paul", "claimTask", input("taskId", task));
        assertThat(stolen.errorCodes()).containsExactly("CONFLICT");
        assertThat((String) stolen.userErrors().get(0).get("message")).contains("priya");
        assertThat(steps("paul", bet)).as("held by priya, so not paul's to take").isEmpty();
        assertThat(driver.sign("paul", bet, "FRAMING").errorCodes()).as("only the holder completes it").containsExactly("CONFLICT");
        assertThat(holder(bet, PRODUCT_FRAMING)).isEqualTo("priya");

        assertThat(driver.mutate("paul", "unclaimTask", input("taskId", task)).errorCodes()).containsExactly("CONFLICT");
        assertThat(driver.mutate("paul", "handOverTask", input("taskId", task, "to", "paul")).errorCodes())
                .containsExactly("CONFLICT");
        assertThat(holder(bet, PRODUCT_FRAMING)).isEqualTo("priya");

        assertThat(driver.mutateOk("priya", "handOverTask", input("taskId", task, "to", "paul")).get("task"))
                .containsEntry("assignee", "paul");
        assertThat(steps("paul", bet, "claimed", true)).containsExactly(PRODUCT_FRAMING);
        assertThat(driver.mutateOk("paul", "unclaimTask", input("taskId", task)).get("task")).containsEntry("assignee", null);
        assertThat(steps("priya", bet, "claimed", false)).containsExactly(PRODUCT_FRAMING);

        driver.mutateOk("paul", "claimTask", input("taskId", task));
        assertThat(driver.mutateOk("ada", "unclaimTask", input("taskId", task)).get("task"))
                .as("an admin may free a task someone left holding").containsEntry("assignee", null);
        assertThat(driver.sign("priya", bet, "FRAMING").ok()).isTrue();
        assertThat(steps("priya", bet)).isEmpty();
    }

    @Test
    void handsOverOnlyToSomeoneTheTaskWaitsOn() {
        String bet = driver.framingGateOpen();
        String task = taskOf("priya", bet, PRODUCT_FRAMING);
        String led = driver.framingGateOpen("productLead", "paul");
        String ledTask = taskOf("paul", led, PRODUCT_FRAMING);

        assertRefused("priya", "handOverTask", input("taskId", task, "to", "erin"), "WRONG_ROLE", "to");
        assertRefused("priya", "handOverTask", input("taskId", task, "to", "nobody-here"), "INVALID_INPUT", "to");
        assertRefused("priya", "handOverTask", input("taskId", task, "to", ""), "INVALID_INPUT", "to");
        assertRefused("paul", "handOverTask", input("taskId", ledTask, "to", "priya"), "NOT_THE_LEAD", "to");
        assertRefused("priya", "claimTask", input("taskId", ledTask), "NOT_THE_LEAD", "to");
        assertRefused("erin", "claimTask", input("taskId", task), "WRONG_ROLE", "to");
        assertRefused("erin", "handOverTask", input("taskId", task, "to", "paul"), "WRONG_ROLE", "taskId");
        assertRefused("priya", "claimTask", input("taskId", "00000000-0000-0000-0000-000000000000"), "NOT_FOUND", "taskId");
        assertRefused("priya", "claimTask", input("taskId", "x".repeat(65)), "INVALID_INPUT", "taskId");
        assertThat(holder(bet, PRODUCT_FRAMING)).isNull();
        assertThat(holder(led, PRODUCT_FRAMING)).isNull();

        as("lena").documentName("claimTask").variable("input", input("taskId", task)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

        assertThat(driver.mutateOk("priya", "handOverTask", input("taskId", task, "to", "sam")).get("task"))
                .as("anyone the task waits on may route an unheld task").containsEntry("assignee", "sam");
        assertThat(driver.mutateOk("ada", "handOverTask", input("taskId", task, "to", "paul")).get("task"))
                .as("an admin may reassign").containsEntry("assignee", "paul");
    }

    @Test
    void peopleWhoseIdsHaveDotsOrDashesCanTakeAndReceiveTasks() {
        UserDetailsManager users = (UserDetailsManager) userDetails;
        if (!users.userExists(JANE)) {
            users.createUser(User.withUsername(JANE).password("{noop}" + JANE).roles("product").build());
        }
        String bet = driver.framingGateOpen();
        String task = taskOf("priya", bet, PRODUCT_FRAMING);

        assertThat(driver.mutateOk(JANE, "claimTask", input("taskId", task)).get("task")).containsEntry("assignee", JANE);
        driver.mutateOk(JANE, "unclaimTask", input("taskId", task));
        assertThat(driver.mutateOk("priya", "handOverTask", input("taskId", task, "to", JANE)).get("task"))
                .as("known to the engine since her first mutation").containsEntry("assignee", JANE);
        assertThat(driver.sign(JANE, bet, "FRAMING").ok()).isTrue();
    }

    @Test
    void waitingOnSaysWhomEachOpenTaskWaitsOnAndForHowLong() {
        String bet = driver.framingGateOpen("engineeringLead", "ethan");
        driver.mutateOk("priya", "claimTask", input("taskId", taskOf("priya", bet, PRODUCT_FRAMING)));

        List<Map<String, Object>> waiting = driver.waitingTasks(bet);
        assertThat(waiting).extracting(t -> t.get("step")).containsExactly(PRODUCT_FRAMING, ENGINEERING_FRAMING);
        assertThat(waiting.get(0)).containsEntry("assignee", "priya").containsEntry("lead", null).containsEntry("role", "PRODUCT");
        assertThat(waiting.get(1)).containsEntry("assignee", null).containsEntry("lead", "ethan").containsEntry("role", "ENGINEERING");
        assertThat(waiting).allSatisfy(t -> {
            assertThat(((Number) t.get("waitingSeconds")).longValue()).isBetween(0L, 600L);
            assertThat(t).containsEntry("stalled", false).containsEntry("gate", "FRAMING");
        });
    }

    private void assertRefused(String user, String operation, Map<String, Object> input, String code, String field) {
        Payload payload = driver.mutate(user, operation, input);
        assertThat(payload.errorCodes()).as(operation + " " + input + " by " + user).containsExactly(code);
        assertThat(payload.userErrors().get(0)).containsEntry("field", field);
        assertThat(payload.get("task")).isNull();
    }

    private String holder(String bet, String step) {
        return (String) driver.waitingTasks(bet).stream().filter(t -> step.equals(t.get("step"))).findFirst().orElseThrow().get("assignee");
    }

    private String taskOf(String user, String bet, String step) {
        return tasks(user, filter("betId", bet)).stream().filter(t -> step.equals(t.get("step")))
                .map(t -> (String) t.get("taskId")).findFirst().orElseThrow();
    }

    private List<String> steps(String user, String bet, Object... moreFilters) {
        Map<String, Object> filter = filter("betId", bet);
        filter.putAll(input(moreFilters));
        return tasks(user, filter).stream().map(t -> (String) t.get("step")).toList();
    }

    private List<Map<String, Object>> tasks(String user, Map<String, Object> filter) {
        return nodes(myTasks(user, 50, null, filter, null));
    }

    /** The inbox's pages from the first, {@code size} tasks each, following their cursors (at most 200 pages). */
    private List<Map<String, Object>> everyPage(String user, int size, Map<String, Object> filter, Map<String, Object> order) {
        List<Map<String, Object>> pages = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = myTasks(user, size, after, filter, order);
            pages.add(page);
            Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (after != null && pages.size() < 200);
        return pages;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> myTasks(String user, int first, String after, Map<String, Object> filter, Map<String, Object> order) {
        return as(user).documentName("myTasks").variable("first", first).variable("after", after)
                .variable("filterBy", filter).variable("orderBy", order).execute()
                .path("myTasks").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> connection) {
        return ((List<Map<String, Object>>) connection.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    private static String betOf(Map<String, Object> task) {
        return (String) ((Map<?, ?>) task.get("bet")).get("id");
    }

    private static Map<String, Object> filter(Object... keyValues) {
        return input(keyValues);
    }
}
