package io.tandem.bet;

import java.util.List;

/** Filters and ordering for listing bets. Every ordering is made unique by the id. */
public record BetQuery(List<Stage> stages, List<Outcome> outcomes, String titleContains, String lead, String team,
                       OrderField orderBy, boolean descending) {

    public enum OrderField {
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt"), TITLE("title");

        final String property;

        OrderField(String property) {
            this.property = property;
        }
    }
}
