package io.tandem.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import io.tandem.support.StatementCounter;
import io.tandem.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.dao.DataAccessException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Comments on a bet: who may write them, what is refused, how they page, and that nobody can rewrite them. */
class CommentsTest extends GraphQlTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"priya, Priya Patel", "erin, Erin Walsh", "lena, Lena Fischer"})
    void productEngineeringAndLeadershipCanComment(String user, String name) {
        String bet = driver.createBet("priya");

        Map<String, Object> comment = driver.mutateOk(user, "addComment", input("betId", bet, "body", "  Why not wallets first?\n"))
                .get("comment");

        assertThat(comment).containsEntry("body", "Why not wallets first?").containsEntry("authorId", user)
                .containsEntry("authorName", name).containsEntry("replyTo", null).containsEntry("bet", Map.of("id", bet));
        assertThat(GlobalId.parse((String) comment.get("id"))).hasValueSatisfying(id -> assertThat(id.type()).isEqualTo("Comment"));
        assertThat(nodes(comments("ivan", bet, 10, null))).extracting(c -> c.get("id")).containsExactly(comment.get("id"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ivan", "ada"})
    void integrationAndAdminReadCommentsButCannotWriteThem(String user) {
        String bet = driver.createBet("priya");
        driver.mutateOk("erin", "addComment", input("betId", bet, "body", "Provider sandbox is flaky"));
        long before = rows();

        as(user).documentName("addComment").variable("input", input("betId", bet, "body", "Automated note")).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(errors.get(0).getMessage()).isEqualTo("Your roles do not allow addComment");
                })
                .path("addComment").pathDoesNotExist();

        assertThat(rows()).isEqualTo(before);
        assertThat(nodes(comments(user, bet, 10, null))).extracting(c -> c.get("body")).containsExactly("Provider sandbox is flaky");
    }

    @ParameterizedTest(name = "body of {0} characters")
    @ValueSource(ints = {0, 5001})
    void refusesAnEmptyOrOversizedBodyAndWritesNothing(int length) {
        String bet = driver.createBet("priya");
        Map<String, Object> before = driver.state(bet);
        long rowsBefore = rows();

        Payload refused = driver.mutate("priya", "addComment", input("betId", bet, "body", "  " + "x".repeat(length) + "  "));

        assertThat(refused.errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(refused.userErrors().get(0)).containsEntry("field", "body");
        assertThat(refused.get("comment")).isNull();
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(driver.state(bet)).isEqualTo(before);
    }

    @Test
    void acceptsABodyOfExactlyTheLimitOnceTrimmed() {
        String bet = driver.createBet("priya");
        String body = "y".repeat(BetComment.BODY_MAX);

        Map<String, Object> comment = driver.mutateOk("erin", "addComment", input("betId", bet, "body", "\t " + body + " \n"))
                .get("comment");

        assertThat(comment.get("body")).isEqualTo(body);
    }

    @Test
    void refusesAnUnknownBetAsNotFound() {
        long before = rows();

        Payload refused = driver.mutate("lena", "addComment",
                input("betId", GlobalId.of("Bet", UUID.randomUUID()), "body", "Anyone here?"));

        assertThat(refused.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(refused.userErrors().get(0)).containsEntry("field", "betId");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void pagesThroughCommentsOldestFirstWithKeysetCursors() {
        String bet = driver.createBet("priya");
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String author = i % 2 == 0 ? "erin" : "priya";
            written.add((String) driver.mutateOk(author, "addComment", input("betId", bet, "body", "Comment " + i)).get("comment").get("id"));
        }

        Map<String, Object> first = comments("lena", bet, 2, null);
        Map<String, Object> second = comments("lena", bet, 2, endCursor(first));
        Map<String, Object> third = comments("lena", bet, 2, endCursor(second));

        assertThat(nodes(first)).extracting(c -> c.get("body")).containsExactly("Comment 1", "Comment 2");
        assertThat(nodes(second)).extracting(c -> c.get("body")).containsExactly("Comment 3", "Comment 4");
        assertThat(nodes(third)).extracting(c -> c.get("body")).containsExactly("Comment 5");
        List<Object> seen = new ArrayList<>();
        for (Map<String, Object> page : List.of(first, second, third)) {
            nodes(page).forEach(c -> seen.add(c.get("id")));
            assertThat(page.get("totalCount")).isEqualTo(5);
        }
        assertThat(seen).containsExactlyElementsOf(written);
        assertThat(pageInfo(first)).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);
        assertThat(pageInfo(second)).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", true);
        assertThat(pageInfo(third)).containsEntry("hasNextPage", false).containsEntry("hasPreviousPage", true);
        assertThat(nodes(comments("lena", bet, 10, endCursor(third)))).isEmpty();
    }

    @Test
    void refusesACursorItDidNotIssueAsABadRequest() {
        String bet = driver.createBet("priya");

        as("lena").documentName("betComments").variable("id", bet).variable("first", 10).variable("after", "bm90LWEtY3Vyc29y")
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                })
                .path("bet").valueIsNull();
    }

    @Test
    void repliesToACommentOfTheSameBetAndFindsCommentsByTheirGlobalIds() {
        String bet = driver.createBet("priya");
        String question = commentId("priya", bet, "Can we ship cards first?");

        Map<String, Object> reply = driver.mutateOk("erin", "addComment",
                input("betId", bet, "body", "Yes, wallets need the new SDK", "replyTo", question)).get("comment");

        assertThat(reply.get("replyTo")).isEqualTo(Map.of("id", question, "body", "Can we ship cards first?"));
        assertThat(nodes(comments("lena", bet, 10, null))).extracting(c -> c.get("replyTo"))
                .containsExactly(null, Map.of("id", question, "body", "Can we ship cards first?"));
        Map<String, Object> node = as("ivan").document("query($id: ID!) { node(id: $id) { __typename id ... on Comment { body bet { id } } } }")
                .variable("id", reply.get("id")).execute().path("node").entity(Map.class).get();
        assertThat(node).containsEntry("__typename", "Comment").containsEntry("body", "Yes, wallets need the new SDK")
                .containsEntry("bet", Map.of("id", bet));
    }

    @Test
    void refusesAReplyToACommentOfAnotherBetOrToNoComment() {
        String bet = driver.createBet("priya");
        String other = driver.createBet("erin");
        String elsewhere = commentId("erin", other, "On the other bet");
        long before = rows();

        Payload acrossBets = driver.mutate("priya", "addComment", input("betId", bet, "body", "Replying", "replyTo", elsewhere));
        Payload unknown = driver.mutate("priya", "addComment",
                input("betId", bet, "body", "Replying", "replyTo", GlobalId.of("Comment", UUID.randomUUID())));
        Payload notAComment = driver.mutate("priya", "addComment", input("betId", bet, "body", "Replying", "replyTo", other));

        assertThat(acrossBets.errorCodes()).containsExactly("INVALID_INPUT");
        assertThat(acrossBets.userErrors().get(0)).containsEntry("field", "replyTo");
        assertThat(unknown.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(unknown.userErrors().get(0)).containsEntry("field", "replyTo");
        assertThat(notAComment.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(notAComment.userErrors().get(0)).containsEntry("field", "replyTo");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void acceptsCommentsOnAClosedBetToDiscussItsOutcome() {
        String bet = driver.createBet("priya");
        driver.mutateOk("erin", "proposeKill", input("betId", bet, "rationale", "A competitor shipped it first"));
        assertThat(driver.sign("priya", bet, "KILL").bet()).containsEntry("stage", "CLOSED");

        driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Good call to stop early"));

        assertThat(nodes(comments("lena", bet, 10, null))).extracting(c -> c.get("body")).containsExactly("Good call to stop early");
    }

    @Test
    void announcesEachCommentAddedAndNothingForARefusedOne() {
        List<CommentAdded> announced = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<Object>> listener = ApplicationListener.forPayload(payload -> {
            if (payload instanceof CommentAdded added) {
                announced.add(added);
            }
        });
        context.addApplicationListener(listener);
        try {
            String bet = driver.createBet("priya");
            Map<String, Object> comment = driver.mutateOk("erin", "addComment", input("betId", bet, "body", "Heads-up")).get("comment");
            driver.mutate("erin", "addComment", input("betId", bet, "body", " "));

            assertThat(announced).singleElement().satisfies(added -> {
                assertThat(added.betId()).isEqualTo(GlobalId.find("Bet", bet).orElseThrow());
                assertThat(added.commentId()).isEqualTo(GlobalId.find("Comment", (String) comment.get("id")).orElseThrow());
                assertThat(added.authorId()).isEqualTo("erin");
                assertThat(added.at()).isEqualTo(Instant.parse((String) comment.get("createdAt")));
            });
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void databaseRefusesUpdatingDeletingOrTruncatingComments() {
        String bet = driver.createBet("priya");
        String comment = commentId("priya", bet, "As written");
        UUID id = GlobalId.find("Comment", comment).orElseThrow();

        // the application's user has no such privilege; the table's owner meets the append-only triggers
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.ownerDataSource(TestDatabase.url()));
        for (JdbcTemplate as : List.of(jdbc, owner)) {
            String refusal = as == jdbc ? "permission denied" : "append-only";
            assertThatThrownBy(() -> as.update("update bet_comment set body = 'rewritten' where id = ?", id))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(refusal);
            assertThatThrownBy(() -> as.update("delete from bet_comment where id = ?", id))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(refusal);
            assertThatThrownBy(() -> as.execute("truncate bet_comment"))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(refusal);
        }
        assertThat(nodes(comments("lena", bet, 10, null))).extracting(c -> c.get("body")).containsExactly("As written");
    }

    @Test
    void databaseRefusesAReplyToACommentOfAnotherBet() {
        UUID bet = GlobalId.find("Bet", driver.createBet("priya")).orElseThrow();
        UUID elsewhere = GlobalId.find("Comment", commentId("erin", driver.createBet("erin"), "On the other bet")).orElseThrow();

        assertThatThrownBy(() -> jdbc.update("insert into bet_comment (id, bet_id, author_id, author_name, body, reply_to_id, created_at) "
                + "values (?, ?, 'mallory', 'Mallory', 'Sneaky', ?, now())", UUID.randomUUID(), bet, elsewhere))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("foreign key");
    }

    @Test
    void aPageOfBetsReadsItsCommentsWithAsManyStatementsWhateverItsSize() {
        String team = "Comments " + System.nanoTime();
        for (int i = 0; i < 6; i++) {
            String bet = driver.createBet("priya", "team", team);
            String first = commentId("priya", bet, "First on " + i);
            driver.mutateOk("erin", "addComment", input("betId", bet, "body", "Reply on " + i, "replyTo", first));
            driver.mutateOk("lena", "addComment", input("betId", bet, "body", "Leadership on " + i));
        }

        long bareCost = cost("betPageBare", 2, team);
        long twoCost = cost("betPageComments", 2, team);
        long sixCost = cost("betPageComments", 6, team);
        List<Map<String, Object>> six = betPage(6, team);

        assertThat(six).hasSize(6).allSatisfy(bet -> {
            Map<String, Object> comments = map(bet.get("comments"));
            assertThat(comments.get("totalCount")).isEqualTo(3);
            assertThat(nodes(comments)).hasSize(3);
            assertThat(nodes(comments).get(1).get("replyTo")).isEqualTo(Map.of("id", nodes(comments).get(0).get("id")));
        });
        System.out.printf("SQL statements for a page of bets: without comments %d; with comments and replies: 2 bets -> %d, 6 bets -> %d%n",
                bareCost, twoCost, sixCost);
        assertThat(twoCost).isGreaterThan(bareCost);
        assertThat(sixCost).isEqualTo(twoCost);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private String commentId(String user, String bet, String body) {
        return (String) driver.mutateOk(user, "addComment", input("betId", bet, "body", body)).get("comment").get("id");
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from bet_comment", Long.class);
    }

    private long cost(String document, int first, String team) {
        StatementCounter.reset();
        as("lena").documentName(document).variable("first", first).variable("team", team).execute().path("bets.nodes").hasValue();
        return StatementCounter.count();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> betPage(int first, String team) {
        return as("lena").documentName("betPageComments").variable("first", first).variable("team", team).execute()
                .path("bets.nodes").entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> comments(String user, String bet, int first, String after) {
        return as(user).documentName("betComments").variable("id", bet).variable("first", first).variable("after", after).execute()
                .path("bet.comments").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> connection) {
        if (connection.containsKey("nodes")) {
            return (List<Map<String, Object>>) connection.get("nodes");
        }
        return ((List<Map<String, Object>>) connection.get("edges")).stream().map(edge -> map(edge.get("node"))).toList();
    }

    private static Map<String, Object> pageInfo(Map<String, Object> connection) {
        return map(connection.get("pageInfo"));
    }

    private static String endCursor(Map<String, Object> connection) {
        return (String) pageInfo(connection).get("endCursor");
    }
}
