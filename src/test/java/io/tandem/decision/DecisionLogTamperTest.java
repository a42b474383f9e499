package io.tandem.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import io.tandem.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History cannot be rewritten: the database refuses it (the application's own user has no privilege to, and the
 * triggers refuse even the tables' owner), and the hash chain exposes it if the owner forces it.
 */
class DecisionLogTamperTest extends GraphQlTestBase {

    private String bet;
    private UUID betUuid;

    @BeforeEach
    void betWithTwoDecisions() {
        bet = driver.createBet("priya");
        driver.completeFramingWork(bet);
        assertThat(driver.sign("erin", bet, "FRAMING", "answer", "REQUEST_CHANGES", "reason", "Name the segment").ok()).isTrue();
        driver.passFraming(bet);
        assertThat(driver.decisionKinds(bet)).containsExactly("CHANGES_REQUESTED", "FRAMING_APPROVED");
        betUuid = GlobalId.find("Bet", bet).orElseThrow();
    }

    @Test
    void databaseRefusesUpdatingOrDeletingDecisions() throws SQLException {
        assertRefused("update decision set rationale = 'rewritten' where bet_id = ?");
        assertRefused("delete from decision where bet_id = ?");
        assertThat(driver.decisionKinds(bet)).containsExactly("CHANGES_REQUESTED", "FRAMING_APPROVED");
    }

    @Test
    void databaseRefusesUpdatingOrDeletingSignOffsAndBriefRevisions() throws SQLException {
        assertRefused("update sign_off set answer = 'APPROVE' where bet_id = ?");
        assertRefused("delete from sign_off where bet_id = ?");
        assertRefused("update brief_revision set author_id = 'mallory' where bet_id = ?");
        assertRefused("delete from brief_revision where bet_id = ?");
    }

    @Test
    void databaseRefusesTruncatingHistory() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("truncate decision cascade")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = TestDatabase.connectAsOwner(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("truncate decision cascade")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void verifyNamesTheFirstEntryEditedBehindTheApplicationsBack() throws SQLException {
        assertThat(verify()).containsEntry("valid", true).containsEntry("entriesChecked", 2);
        try (Connection connection = TestDatabase.connectAsOwner()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement tamper = connection.prepareStatement(
                         "update decision set rationale = 'It was always fine' where bet_id = ? and sequence = 1")) {
                statement.execute("alter table decision disable trigger decision_append_only");
                tamper.setObject(1, betUuid);
                assertThat(tamper.executeUpdate()).isEqualTo(1);
                statement.execute("alter table decision enable trigger decision_append_only");
            }
            connection.commit();
        }
        assertThat(verify()).containsEntry("valid", false).containsEntry("firstBrokenSequence", 1)
                .hasEntrySatisfying("problem", p -> assertThat((String) p).contains("no longer matches its hash"));
    }

    /** Refused to the application's user (it has no such privilege), and to the owner too (by the trigger). */
    private void assertRefused(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, betUuid);
            assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection connection = TestDatabase.connectAsOwner(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, betUuid);
            assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify() {
        return as("ivan").document("query($id: ID!) { verifyDecisionLog(betId: $id) "
                        + "{ valid entriesChecked firstBrokenSequence problem } }")
                .variable("id", bet).execute().path("verifyDecisionLog").entity(Map.class).get();
    }
}
