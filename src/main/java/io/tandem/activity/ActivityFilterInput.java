package io.tandem.activity;

import io.tandem.graphql.GlobalId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The ActivityFilter input of the schema, for the feed and for activityChanged alike. */
public record ActivityFilterInput(List<ActivityKind> kinds, String team, String betId) {

    /** The filter it names; {@code notABet} makes the error (each door has its own kind) for a betId that is not one. */
    public static ActivityFilter filter(ActivityFilterInput input, Function<String, ? extends RuntimeException> notABet) {
        if (input == null) {
            return ActivityFilter.ALL;
        }
        UUID bet = input.betId() == null ? null : GlobalId.find("Bet", input.betId())
                .orElseThrow(() -> notABet.apply(input.betId()));
        return new ActivityFilter(input.kinds(), input.team(), bet);
    }
}
