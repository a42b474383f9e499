package io.tandem.outcome;

import io.tandem.bet.BetService;
import io.tandem.graphql.Connections;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The scorecard query; a period the API does not serve is a bad request, not an empty scorecard. */
@Controller
class ScorecardController {

    /** Long enough for any review cycle, short enough that one query stays cheap. */
    static final Period MAX_PERIOD = Period.ofYears(5);

    record ScorecardInput(LocalDate from, LocalDate to, String team) {
    }

    private final ScorecardService scorecards;

    ScorecardController(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    @QueryMapping
    Scorecard scorecard(@Argument ScorecardInput input) {
        if (input.from().isAfter(input.to())) {
            throw new Connections.InvalidArgument("from (" + input.from() + ") is after to (" + input.to() + ")");
        }
        if (input.to().isAfter(input.from().plus(MAX_PERIOD))) {
            throw new Connections.InvalidArgument("A scorecard covers at most " + MAX_PERIOD.getYears() + " years");
        }
        String team = input.team() == null || input.team().isBlank() ? null : input.team().strip();
        if (team != null && team.length() > BetService.TEAM_MAX) {
            throw new Connections.InvalidArgument("team is limited to " + BetService.TEAM_MAX + " characters");
        }
        return scorecards.scorecard(input.from(), input.to(), team);
    }
}
