package io.tandem.bet;

import io.tandem.graphql.UserErrorView;
import java.util.List;

/** The payload of every mutation whose result is the bet itself. */
public record BetPayload(Bet bet, List<UserErrorView> userErrors) {

    public static BetPayload of(Bet bet) {
        return new BetPayload(bet, List.of());
    }

    public static BetPayload refused(List<UserErrorView> errors) {
        return new BetPayload(null, errors);
    }
}
