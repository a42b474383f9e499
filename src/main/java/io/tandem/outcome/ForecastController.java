package io.tandem.outcome;

import io.tandem.bet.Bet;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Revealed forecasts on a bet, and calibration on the scorecard. */
@Controller
class ForecastController {

    private final SealedForecasts forecasts;

    ForecastController(SealedForecasts forecasts) {
        this.forecasts = forecasts;
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
    List<SealedForecasts.Calibration.Person> calibration(Scorecard scorecard) {
        return calibrationOf(scorecard).people();
    }

    @SchemaMapping(typeName = "Scorecard")
    List<SealedForecasts.Calibration.Pair> pairCalibration(Scorecard scorecard) {
        return calibrationOf(scorecard).pairs();
    }

    /** The scorecard's period: its days, both inclusive, in UTC. */
    private SealedForecasts.Calibration calibrationOf(Scorecard scorecard) {
        return forecasts.calibration(scorecard.from().atStartOfDay().toInstant(ZoneOffset.UTC),
                scorecard.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), scorecard.team());
    }
}
