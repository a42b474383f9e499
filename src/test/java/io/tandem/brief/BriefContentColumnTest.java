package io.tandem.brief;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import java.math.BigDecimal;
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
              appetite { amount unit personWeeks asWritten } window } } }""";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void everyFieldOfARevisionReadsBackAsWritten() {
        String bet = driver.createBet("priya");
        String problem = "Refunds take a week to reach the customer (" + bet + ")";
        assertThat(driver.reviseBrief("priya", bet, "problem", problem, "alternativesConsidered", "Manual refunds",
                "riskAppetite", "low", "businessConstraints", "PSD2", "appetite", Map.of("amount", 12.0, "unit", "PERSON_DAYS"), "window", "2027-03-31",
                "nonGoals", List.of("Chargebacks", "Partial refunds"),
                "successMetrics", List.of(Map.of("name", "days to refund", "unit", "days", "baseline", 7.0, "target", 2.0,
                        "measurement", "median per week"))).ok()).isTrue();

        Map<String, Object> brief = (Map<String, Object>) as("lena").document(BRIEF).variable("id", bet).execute()
                .path("bet.brief").entity(Map.class).get();

        assertThat(brief).containsEntry("problem", problem).containsEntry("customerSegment", "Small online shops")
                .containsEntry("alternativesConsidered", "Manual refunds").containsEntry("riskAppetite", "low")
                .containsEntry("businessConstraints", "PSD2")
                .containsEntry("window", "2027-03-31").containsEntry("nonGoals", List.of("Chargebacks", "Partial refunds"))
                .containsEntry("successMetrics", List.of(Map.of("name", "days to refund", "unit", "days", "baseline", 7.0,
                        "target", 2.0, "measurement", "median per week")));
        assertThat((Map<String, Object>) brief.get("appetite")).containsEntry("amount", 12.0)
                .containsEntry("unit", "PERSON_DAYS").containsEntry("personWeeks", 2.4).containsEntry("asWritten", null);
        // Hibernate's own JSON mapper wrote the rows before the converter did: a date is stored as [year, month, day]
        assertThat(jdbc.queryForObject("select content -> 'window' from brief_revision where content ->> 'problem' = ?",
                String.class, problem)).isEqualTo("[2027, 3, 31]");
    }

    @Test
    void anAppetiteWrittenAsTextBeforeAppetitesWereNumbersKeepsItsTextAndSaysAnAmountWhereItIsPlain() {
        BriefContentColumn column = new BriefContentColumn();

        assertThat(column.convertToEntityAttribute("{\"problem\": \"p\", \"appetite\": \"6 weeks\"}").appetite())
                .isEqualTo(new Appetite(new BigDecimal("6"), Appetite.Unit.PERSON_WEEKS, "6 weeks"));
        assertThat(column.convertToEntityAttribute("{\"problem\": \"p\", \"appetite\": \"10 person-days\"}").appetite()
                .personWeeks()).isEqualByComparingTo("2");
        Appetite vague = column.convertToEntityAttribute("{\"problem\": \"p\", \"appetite\": \"a small batch\"}").appetite();
        assertThat(vague).isEqualTo(new Appetite(null, null, "a small batch"));
        assertThat(vague.personWeeks()).isNull();
        assertThat(vague.describe()).isEqualTo("a small batch");
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
