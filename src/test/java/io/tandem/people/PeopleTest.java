package io.tandem.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.GraphQlTestBase;
import io.tandem.support.Payload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The directory of people over GraphQL (the demo users, recorded at start as a sign-in records a person), and the
 * check every named lead passes: someone Tandem knows, holding that side's role, and two different people.
 */
class PeopleTest extends GraphQlTestBase {

    @Test
    void listsThePeopleOfARoleByName() {
        Map<String, Object> product = people("lena", Map.of("role", "PRODUCT", "first", 100));

        assertThat(names(product)).containsSubsequence("Paul Novak", "Priya Patel", "Sam Rivera").doesNotContain("Erin Walsh");
        assertThat(nodes(product)).filteredOn(p -> p.get("id").equals("priya")).singleElement()
                .satisfies(priya -> assertThat(priya.get("roles")).isEqualTo(List.of("PRODUCT")));
    }

    @Test
    void findsPeopleByNameOrIdWhateverTheCase() {
        assertThat(ids(people("erin", Map.of("search", "PATEL")))).containsExactly("priya");
        assertThat(ids(people("erin", Map.of("search", "ethan")))).containsExactly("ethan");
        assertThat(ids(people("erin", Map.of("search", "nobody like this")))).isEmpty();
    }

    @Test
    void pagesThroughEveryoneWithCursors() {
        List<String> seen = new ArrayList<>();
        String after = null;
        Map<String, Object> page;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 2));
            if (after != null) {
                variables.put("after", after);
            }
            page = people("ivan", variables);
            seen.addAll(ids(page));
            after = (String) ((Map<?, ?>) page.get("pageInfo")).get("endCursor");
        } while ((Boolean) ((Map<?, ?>) page.get("pageInfo")).get("hasNextPage"));

        assertThat(seen).doesNotHaveDuplicates().hasSize(((Number) page.get("totalCount")).intValue())
                .contains("priya", "erin", "sam", "lena", "ivan", "ada");
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource({
            "productLead, nobody-we-know, productLead, INVALID_INPUT",
            "productLead, erin, productLead, WRONG_ROLE",
            "engineeringLead, lena, engineeringLead, WRONG_ROLE",
            "engineeringLead, sam, engineeringLead, SAME_PERSON"})
    void refusesABetWhoseLeadIsUnknownLacksTheRoleOrLeadsBothSides(String field, String lead, String errorField, String code) {
        String title = "Leads " + System.nanoTime();

        Payload refused = driver.mutate("priya", "createBet", input("title", title, "productLead",
                field.equals("productLead") ? lead : "sam", field, lead));

        assertThat(refused.errorCodes()).containsExactly(code);
        assertThat(refused.userErrors().get(0)).containsEntry("field", errorField);
        assertThat(refused.get("bet")).isNull();
        assertThat(as("lena").document("query($t: String) { bets(filterBy: {titleContains: $t}) { totalCount } }")
                .variable("t", title).execute().path("bets.totalCount").entity(Integer.class).get()).isZero();
    }

    @Test
    void acceptsLeadsWhoHoldTheirSidesRoles() {
        Payload created = driver.mutateOk("priya", "createBet", input("title", "Leads " + System.nanoTime(),
                "productLead", "sam", "engineeringLead", "ethan"));

        assertThat(created.bet()).containsKey("id");
    }

    @Test
    void refusesAnOverLongSearchAsABadRequest() {
        as("lena").document("query($s: String) { people(search: $s) { totalCount } }").variable("s", "x".repeat(201))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> people(String user, Map<String, Object> variables) {
        var request = as(user).documentName("people");
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute().path("people").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("nodes");
    }

    private static List<String> ids(Map<String, Object> page) {
        return nodes(page).stream().map(p -> (String) p.get("id")).toList();
    }

    private static List<String> names(Map<String, Object> page) {
        return nodes(page).stream().map(p -> (String) p.get("name")).toList();
    }
}
