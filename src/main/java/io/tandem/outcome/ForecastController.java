package io.tandem.outcome;

import io.tandem.bet.Bet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Judgment at the outcome review: revealed forecasts and non-goal attestations on a bet, and their scorecard figures. */
@Controller
class ForecastController {

    private final SealedForecasts forecasts;
    private final NonGoalAttestations nonGoals;

    ForecastController(SealedForecasts forecasts, NonGoalAttestations nonGoals) {
        this.forecasts = forecasts;
        this.nonGoals = nonGoals;
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<NonGoalAttestations.Attested>> nonGoalAttestations(List<Bet> page) {
        Map<UUID, List<NonGoalAttestations.Attested>> byBet = nonGoals.of(page.stream().map(Bet::getId).toList()).stream()
                .collect(Collectors.groupingBy(NonGoalAttestations.Attested::betId));
        return page.stream().collect(Collectors.toMap(Function.identity(), b -> byBet.getOrDefault(b.getId(), List.of())));
    }

    @SchemaMapping(typeName = "Scorecard")
    int nonGoalsBreached(Scorecard scorecard) {
        return nonGoals.breachedOfBetsClosed(scorecard.start(), scorecard.end(), scorecard.team());
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<SealedForecasts.Forecast>> forecasts(List<Bet> page) {
        Map<UUID, List<SealedForecasts.Forecast>> byBet = forecasts.revealed(page.stream().map(Bet::getId).toList()).stream()
                .collect(Collectors.groupingBy(SealedForecasts.Forecast::betId));
        return page.stream().collect(Collectors.toMap(Function.identity(), b -> byBet.getOrDefault(b.getId(), List.of())));
    }

    @SchemaMapping(typeName = "Forecast")
    Double brierScore(SealedForecasts.Forecast forecast) {
        return forecast.brier() == null ? null : forecast.brier().doubleValue();
    }

    @SchemaMapping(typeName = "Scorecard")
    List<SealedForecasts.ForecasterCalibration> calibration(Scorecard scorecard) {
        return forecasts.forecasters(scorecard.start(), scorecard.end(), scorecard.team());
    }

    @SchemaMapping(typeName = "Scorecard")
    List<SealedForecasts.PairCalibration> pairCalibration(Scorecard scorecard) {
        return forecasts.pairs(scorecard.start(), scorecard.end(), scorecard.team());
    }
}
