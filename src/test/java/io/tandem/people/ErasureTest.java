package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.checkpoint.Checkpoints;
import io.tandem.support.BetDriver;
import io.tandem.support.Payload;
import io.tandem.support.SecondInstances;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin erases a person's personal data: their name is gone from every answer and every copy Tandem keeps, and
 * every decision-log chain still verifies, against a checkpoint kept before the erasure too. The refusals change
 * nothing, and the database lets nobody blank a name but for an erased person.
 */
class ErasureTest {

    private static final String VERIFY = "query($bet: ID, $checkpoint: KeptCheckpointInput) { verifyDecisionLog(betId: $bet,"
            + " checkpoint: $checkpoint) { valid entriesChecked problem extendsCheckpoint } }";
    /** Every field of a bet's that names a person, and the change feed. */
    private static final String EVERYTHING = """
            query($bet: ID!) {
              node(id: $bet) { ... on Bet {
                brief { authorId authorName }
                constraints { authorId authorName acknowledgements { acknowledgedBy acknowledgedByName } }
                comments(first: 50) { nodes { authorId authorName body } }
                decisions(first: 50) { nodes { kind context rationale signers { userId name role } } }
                pendingCorrection { proposedBy proposerName rationale }
                waitingOn { name }
              } }
              activity(first: 100) { nodes { kind summary actor actorName } }
              people(first: 100) { nodes { id name email erasedAt } }
            }""";
    private static final String ERASE = "mutation($input: ErasePersonalDataInput!) { erasePersonalData(input: $input) {"
            + " erasure { personId pseudonym erasedBy reason erasedAt } userErrors { field message code } } }";

    /** A database of its own: the demo people the other tests share are not erased. */
    @RegisterExtension
    static final SecondInstances tandem = SecondInstances.onAFreshDatabase("erasure");
    private static final BetDriver driver = tandem.driver();

    @Test
    void anErasedNameIsGoneFromEveryAnswerAndEveryCopyAndEveryChainStillVerifies() throws Exception {
        driver.mutateOk("ada", "createWebhook", BetDriver.map("url", "https://93.184.216.34/hooks"));
        String bet = driver.createBet("priya");
        String constraint = driver.addConstraint("erin", bet, "Rate limit");
        driver.acknowledgeConstraint("priya", constraint, "Understood");
        driver.mutateOk("erin", "addComment", BetDriver.map("betId", bet, "body", "Checked the provider's limits"));
        driver.passFraming(bet);
        driver.mutateOk("erin", "recordCorrection", BetDriver.map("betId", bet, "supersedes", decisionId(bet, "FRAMING_APPROVED"),
                "rationale", "The constraint named the wrong provider"));
        assertThat(tandem.bean(Checkpoints.class).write()).isPresent();
        Map<String, Object> kept = keptCheckpoint();
        String before = everything(bet).toString();
        assertThat(before).as("what an erasure must remove is there").contains("Erin Walsh");
        assertThat(copiesOf("Walsh")).as("where her name was copied").contains("sign_off.signer_name",
                "technical_constraint.author_name", "bet_comment.author_name", "correction_proposal.proposer_name",
                "activity.actor_name", "activity.summary", "webhook_delivery.payload", "person.display_name",
                "act_id_user.last_");

        Payload erased = erase("ada", "erin", "She asked for it when she left the company");

        assertThat(erased.userErrors()).isEmpty();
        assertThat(erased.get("erasure")).containsEntry("personId", "erin").containsEntry("erasedBy", "ada")
                .containsEntry("reason", "She asked for it when she left the company");
        String after = everything(bet).toString();
        assertThat(after).doesNotContain("Erin Walsh").doesNotContain("Walsh").contains("Erased person")
                .contains("Checked the provider's limits");
        assertThat(copiesOf("Walsh")).as("no column of any table, Tandem's or the engine's, keeps her name").isEmpty();
        assertThat(person("erin")).containsEntry("name", "Erased person").containsEntry("email", null)
                .hasEntrySatisfying("erasedAt", at -> assertThat(at).isNotNull());
        assertThat(verify(bet, null)).containsEntry("valid", true);
        assertThat(verify(null, kept)).as("the log still extends what was kept before the erasure")
                .containsEntry("valid", true).containsEntry("extendsCheckpoint", true);

        tandem.as("erin").document("{ viewer { id } }").execute();
        assertThat(person("erin")).as("signing in again does not bring her name back").containsEntry("name", "Erased person");
        assertThat(erase("ada", "erin", "Again").userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "ALREADY_ERASED").containsEntry("field", "personId"));
    }

    @Test
    void refusalsEraseNothing() throws SQLException {
        String led = driver.createBet("paul", "engineeringLead", "ethan");
        int erasures = count("select count(*) from person_erasure");

        assertThat(erase("ada", "ethan", "He left").userErrors()).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "STILL_LEADING").containsEntry("field", "personId")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("hand each lead to someone else first")));
        assertThat(erase("ada", "nobody-at-all", "Unknown").userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "NOT_FOUND"));
        assertThat(erase("ada", "ethan", " ").userErrors()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_INPUT").containsEntry("field", "reason"));
        tandem.as("priya").document(ERASE).variable("input", Map.of("personId", "ethan", "reason", "Not an admin")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));

        assertThat(person("ethan")).containsEntry("name", "Ethan Brooks").containsEntry("erasedAt", null);
        assertThat(count("select count(*) from person_erasure")).isEqualTo(erasures);
        assertThat(driver.state(led)).containsEntry("engineeringLead", "ethan");
    }

    @Test
    void theDatabaseBlanksANameOnlyForAnErasedPersonAndChangesNothingElse() throws SQLException {
        String bet = driver.createBet("priya");
        driver.passFraming(bet);
        DataSource runtime = tandem.bean(DataSource.class);
        try (Connection connection = runtime.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : List.of(
                    "update sign_off set signer_name = erased_name() where signer_id = 'priya'",
                    "update sign_off set signer_name = 'Someone else' where signer_id = 'priya'")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                        refused -> assertThat(refused.getMessage()).contains("append-only"));
            }
            assertThatThrownBy(() -> statement.execute("update sign_off set reason = 'rewritten' where signer_id = 'priya'"))
                    .as("no other column").isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
        }
        assertThat(count("select count(*) from sign_off where signer_name = 'Priya Patel'")).isGreaterThan(0);
    }

    private static Payload erase(String user, String personId, String reason) {
        return new Payload(tandem.as(user).document(ERASE).variable("input", Map.of("personId", personId, "reason", reason))
                .execute().path("erasePersonalData").entity(Map.class).get());
    }

    private static Map<String, Object> everything(String bet) {
        return tandem.as("ada").document(EVERYTHING).variable("bet", bet).execute().returnResponse().getData();
    }

    @SuppressWarnings("unchecked")
    private static Object decisionId(String bet, String kind) {
        List<Map<String, Object>> entries = tandem.as("ada").document("query($bet: ID!) { node(id: $bet) { ... on Bet {"
                + " decisions(first: 50) { nodes { id kind } } } } }").variable("bet", bet).execute()
                .path("node.decisions.nodes").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).findFirst().orElseThrow().get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> person(String id) {
        return (Map<String, Object>) tandem.as("ada").document("query($id: String!) { people(search: $id, first: 100)"
                + " { nodes { id name email erasedAt } } }").variable("id", id).execute().path("people.nodes")
                .entityList(Map.class).get().stream().filter(p -> id.equals(p.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> keptCheckpoint() {
        return tandem.as("lena").document("{ latestCheckpoint { at size root signature } }").execute()
                .path("latestCheckpoint").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verify(String bet, Map<String, Object> checkpoint) {
        return tandem.as("ivan").document(VERIFY).variable("bet", bet).variable("checkpoint", checkpoint).execute()
                .path("verifyDecisionLog").entity(Map.class).get();
    }

    /** Every "table.column" of the schema whose text holds {@code text} (what an owner reading the tables would find). */
    private static List<String> copiesOf(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = tandem.bean(DataSource.class).getConnection(); Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_name, column_name from information_schema.columns"
                    + " where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'json')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + column[0] + " where strpos(" + column[1]
                        + "::text, '" + text + "') > 0")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return found;
    }

    private static int count(String sql) throws SQLException {
        try (Connection connection = tandem.bean(DataSource.class).getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
