package io.tandem.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A brief's content column: every field reads back as written, in the stored form rows already have, parsed once. */
class BriefContentColumnTest extends GraphQlTestBase {

    private static final String BRIEF = """
            query($id: ID!) { bet(id: $id) { brief { revision problem customerSegment whyThisBet alternativesConsidered
              riskAppetite successMetrics { name unit baseline target measurement } nonGoals businessConstraints
              appetite window } } }""";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void everyFieldOfARevisionReadsBackAsWritten() {
        String bet = driver.createBet("priya");
        String problem = "Refunds take a week to reach the customer (" + bet + ")";
        assertThat(driver.reviseBrief("priya", bet, "problem", problem, "alternativesConsidered", "Manual refunds",
                "riskAppetite", "low", "businessConstraints", "PSD2", "appetite", "two weeks", "window", "2027-03-31",
                "nonGoals", List.of("Chargebacks", "Partial refunds"),
                "successMetrics", List.of(Map.of("name", "days to refund", "unit", "days", "baseline", 7.0, "target", 2.0,
                        "measurement", "median per week"))).ok()).isTrue();

        Map<String, Object> brief = (Map<String, Object>) as("lena").document(BRIEF).variable("id", bet).execute()
                .path("bet.brief").entity(Map.class).get();

        assertThat(brief).containsEntry("problem", problem).containsEntry("customerSegment", "Small online shops")
                .containsEntry("alternativesConsidered", "Manual refunds").containsEntry("riskAppetite", "low")
                .containsEntry("businessConstraints", "PSD2").containsEntry("appetite", "two weeks")
                .containsEntry("window", "2027-03-31").containsEntry("nonGoals", List.of("Chargebacks", "Partial refunds"))
                .containsEntry("successMetrics", List.of(Map.of("name", "days to refund", "unit", "days", "baseline", 7.0,
                        "target", 2.0, "measurement", "median per week")));
        // Hibernate's own JSON mapper wrote the rows before the converter did: a date is stored as [year, month, day]
        assertThat(jdbc.queryForObject("select content -> 'window' from brief_revision where content ->> 'problem' = ?",
                String.class, problem)).isEqualTo("[2027, 3, 31]");
    }

    @Test
    void aStoredTextIsParsedOnceAndReadersShareItsContent() {
        BriefContentColumn column = new BriefContentColumn();
        String text = column.convertToDatabaseColumn(new BriefContent("The problem", null, null, null, null,
                List.of(new SuccessMetric("conversion", "%", 2.0, 3.0, null)), List.of("Not this"), null, null, null));

        BriefContent first = column.convertToEntityAttribute(text);
        assertThat(first.problem()).isEqualTo("The problem");
        assertThat(first.successMetrics()).containsExactly(new SuccessMetric("conversion", "%", 2.0, 3.0, null));
        assertThat(column.convertToEntityAttribute(new String(text))).isSameAs(first);
    }

    @Test
    void whenFullTheColumnStartsAgainAndStillReadsEveryText() {
        BriefContentColumn column = new BriefContentColumn();
        String first = "{\"problem\": \"problem 0\"}";
        BriefContent parsedFirst = column.convertToEntityAttribute(first);
        for (int i = 1; i <= BriefContentColumn.CAPACITY; i++) {
            assertThat(column.convertToEntityAttribute("{\"problem\": \"problem " + i + "\"}").problem()).isEqualTo("problem " + i);
        }
        BriefContent again = column.convertToEntityAttribute(first);
        assertThat(again).isEqualTo(parsedFirst).isNotSameAs(parsedFirst);
    }
}
