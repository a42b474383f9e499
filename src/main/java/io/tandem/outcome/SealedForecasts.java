package io.tandem.outcome;

import io.tandem.bet.Outcome;
import io.tandem.decision.Decision;
import io.tandem.decision.DecisionKind;
import io.tandem.decision.DecisionLog;
import io.tandem.decision.NewDecision;
import io.tandem.decision.Signer;
import io.tandem.security.Roles;
import io.tandem.shared.Hashes;
import io.tandem.shared.RuleViolation;
import io.tandem.shared.StoredTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sealed forecasts: at the commitment gate each signer may forecast the probability that the bet wins. The forecast is
 * kept here with a random salt, and only its seal, {@code sha256("tandem-forecast-v1;" betId ";" side ";" probability
 * ";" salt)}, goes into the COMMITMENT entry with its signer. When the bet's outcome review passes or the bet is
 * killed, a FORECASTS_REVEALED entry reveals each probability with its salt, so anyone can recompute the seal, and
 * scores it: the Brier score {@code (probability - outcome)^2}, outcome 1 for WON and 0 for LOST or KILLED; an
 * INCONCLUSIVE verdict scores nothing. Before that, no query shows a forecast.
 */
@Service
public class SealedForecasts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final DecisionLog decisionLog;
    private final Clock clock;

    SealedForecasts(JdbcTemplate jdbc, DecisionLog decisionLog, Clock clock) {
        this.jdbc = jdbc;
        this.decisionLog = decisionLog;
        this.clock = clock;
    }

    /** A forecast as given: from 0 to 1, to two decimals (a percentage). */
    public static BigDecimal probability(Double forecast) {
        if (forecast == null || forecast.isNaN() || forecast < 0 || forecast > 1
                || BigDecimal.valueOf(forecast).stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid("forecast", "A forecast is the probability that the bet wins, from 0 to 1 in"
                    + " hundredths (0.7 for 70%)");
        }
        return BigDecimal.valueOf(forecast).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Seals one signer's forecast in a commitment round; returns the seal. */
    @Transactional
    public String seal(UUID betId, UUID roundId, String side, String signerId, BigDecimal probability) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = HexFormat.of().formatHex(salt);
        String seal = seal(betId, side, probability, saltText);
        jdbc.update("""
                insert into sealed_forecast (id, bet_id, round_id, role, signer_id, probability, salt, seal, sealed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), betId, roundId, side, signerId, probability,
                saltText, seal, Timestamp.from(StoredTime.now(clock)));
        return seal;
    }

    /** These signers of a commitment round, each with the seal of the forecast they sealed in it, if any. */
    @Transactional(readOnly = true)
    public List<Signer> withSeals(UUID roundId, List<Signer> signers) {
        Map<String, String> seals = jdbc.query("select role, seal from sealed_forecast where round_id = ?",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), roundId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return signers.stream().map(s -> seals.containsKey(s.role()) ? s.withForecastSeal(seals.get(s.role())) : s).toList();
    }

    /**
     * Reveals and scores the forecasts sealed in the bet's COMMITMENT entry, appending a FORECASTS_REVEALED entry signed
     * by whoever closed the bet; nothing when nobody sealed one. A forecast that no longer matches its seal (changed in
     * the database) is revealed as such and not scored.
     */
    @Transactional
    public void reveal(UUID betId, Outcome outcome, List<Signer> closers) {
        Optional<Decision> commitment = decisionLog.all(betId).stream().filter(d -> d.getKind() == DecisionKind.COMMITMENT)
                .reduce((first, second) -> second);
        List<String> seals = commitment.map(d -> d.getSigners().stream().map(Signer::forecastSeal)
                .filter(seal -> seal != null).toList()).orElse(List.of());
        if (seals.isEmpty()) {
            return;
        }
        Integer happened = switch (outcome) {
            case WON -> 1;
            case LOST, KILLED -> 0;
            default -> null;
        };
        Instant now = StoredTime.now(clock);
        List<String> lines = new ArrayList<>();
        for (Forecast forecast : jdbc.query("select * from sealed_forecast where seal = any(?) order by role",
                SealedForecasts::forecast, (Object) seals.toArray(String[]::new))) {
            boolean intact = seal(betId, forecast.side(), forecast.probability(), forecast.salt()).equals(forecast.seal());
            BigDecimal brier = !intact || happened == null ? null
                    : forecast.probability().subtract(BigDecimal.valueOf(happened)).pow(2).setScale(4, RoundingMode.UNNECESSARY);
            jdbc.update("update sealed_forecast set revealed_at = ?, brier = ? where id = ?", Timestamp.from(now), brier,
                    forecast.id());
            lines.add(forecast.side() + " forecast " + forecast.probability().toPlainString() + " (salt " + forecast.salt()
                    + ", seal " + forecast.seal() + "): " + (!intact ? "it no longer matches its seal, so it is not scored"
                    : brier == null ? "not scored, the verdict is " + outcome : "Brier score " + brier.toPlainString()));
        }
        decisionLog.append(betId, NewDecision.changed(DecisionKind.FORECASTS_REVEALED, "Forecasts sealed at commitment,"
                + " revealed at " + outcome + ": " + String.join("; ", lines), null, closers, List.of()));
    }

    /** The revealed forecasts of these bets; a forecast not yet revealed is not among them. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<Forecast> revealed(Collection<UUID> betIds) {
        return jdbc.query("select * from sealed_forecast where bet_id = any(?) and revealed_at is not null order by role",
                SealedForecasts::forecast, (Object) betIds.toArray(UUID[]::new));
    }

    /** Scored forecasts of the bets closed in [start, end), of one team or all: what calibration is computed from. */
    @Transactional(readOnly = true)
    List<Forecast> scoredOfBetsClosed(Instant start, Instant end, String team) {
        return jdbc.query("""
                select f.* from sealed_forecast f join bet b on b.id = f.bet_id
                 where f.brier is not null and b.closed_at >= ? and b.closed_at < ? and (?::varchar is null or b.team = ?)
                 order by f.bet_id, f.role""", SealedForecasts::forecast, Timestamp.from(start), Timestamp.from(end), team, team);
    }

    /** Each forecaster's mean Brier score over the bets closed in [start, end), of one team or all; best first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<ForecasterCalibration> forecasters(Instant start, Instant end, String team) {
        return scoredOfBetsClosed(start, end, team).stream().collect(Collectors.groupingBy(Forecast::signerId))
                .entrySet().stream().map(e -> new ForecasterCalibration(e.getKey(), e.getValue().size(),
                        mean(e.getValue().stream().map(Forecast::brier).toList())))
                .sorted(Comparator.comparing(ForecasterCalibration::meanBrierScore)
                        .thenComparing(ForecasterCalibration::userId)).toList();
    }

    /**
     * Each product–engineering pair's mean Brier score over the bets closed in [start, end) that both of them forecast
     * (per bet, the mean of the two sides' scores); best first.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public List<PairCalibration> pairs(Instant start, Instant end, String team) {
        Map<List<String>, List<BigDecimal>> byPair = new HashMap<>();
        scoredOfBetsClosed(start, end, team).stream().collect(Collectors.groupingBy(Forecast::betId)).values().forEach(bet -> {
            Optional<Forecast> product = bet.stream().filter(f -> f.side().equals("product")).findFirst();
            Optional<Forecast> engineering = bet.stream().filter(f -> f.side().equals("engineering")).findFirst();
            if (product.isPresent() && engineering.isPresent()) {
                byPair.computeIfAbsent(List.of(product.get().signerId(), engineering.get().signerId()), pair -> new ArrayList<>())
                        .add(product.get().brier().add(engineering.get().brier()).divide(BigDecimal.valueOf(2), 5, RoundingMode.HALF_UP));
            }
        });
        return byPair.entrySet().stream().map(e -> new PairCalibration(e.getKey().get(0), e.getKey().get(1),
                        e.getValue().size(), mean(e.getValue())))
                .sorted(Comparator.comparing(PairCalibration::meanBrierScore).thenComparing(PairCalibration::productUserId)
                        .thenComparing(PairCalibration::engineeringUserId)).toList();
    }

    public record ForecasterCalibration(String userId, int forecasts, double meanBrierScore) {
    }

    public record PairCalibration(String productUserId, String engineeringUserId, int bets, double meanBrierScore) {
    }

    private static double mean(List<BigDecimal> values) {
        return values.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
    }

    static String seal(UUID betId, String side, BigDecimal probability, String salt) {
        return Hashes.sha256("tandem-forecast-v1;" + betId + ";" + side + ";" + probability.toPlainString() + ";" + salt);
    }

    /** A forecast as kept; {@code brier} is set once it is revealed and scored. */
    public record Forecast(UUID id, UUID betId, String side, String signerId, BigDecimal probability, String salt,
                           String seal, Instant sealedAt, Instant revealedAt, BigDecimal brier) {
    }

    private static Forecast forecast(ResultSet rs, int n) throws SQLException {
        Timestamp revealed = rs.getTimestamp("revealed_at");
        return new Forecast(rs.getObject("id", UUID.class), rs.getObject("bet_id", UUID.class), rs.getString("role"),
                rs.getString("signer_id"), rs.getBigDecimal("probability"), rs.getString("salt"), rs.getString("seal"),
                rs.getTimestamp("sealed_at").toInstant(), revealed == null ? null : revealed.toInstant(),
                rs.getBigDecimal("brier"));
    }
}
