package io.tandem.table;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.decision.Decision;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.NodeResolver;
import io.tandem.graphql.UserErrorView;
import io.tandem.outcome.Scorecard;
import io.tandem.security.CurrentUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The betting table in GraphQL: cycles, pitches, placements and the signatures that close a table. */
@Controller
class BettingTableController {

    static final String CYCLE = "Cycle";
    static final String PITCH = "Pitch";

    record TeamCapacityInput(String team, Double personWeeks) {
    }

    record CreateCycleInput(String name, LocalDate startsOn, LocalDate endsOn, List<TeamCapacityInput> capacity) {
    }

    record CreateCyclePayload(Cycle cycle, List<UserErrorView> userErrors) {
    }

    record PitchBetInput(String betId, String cycleId) {
    }

    record PitchBetPayload(Pitch pitch, List<UserErrorView> userErrors) {
    }

    record GiveWayInput(GiveWay.Kind kind, String pitchId, String toCycleId, Double personWeeks, String reason) {
    }

    record PlaceBetInput(String pitchId, Integer position, GiveWayInput giveWay) {
    }

    record PlaceBetPayload(Pitch pitch, List<Decision> decisions, List<UserErrorView> userErrors) {
    }

    record CycleRef(String cycleId) {
    }

    record SignCycleTablePayload(Cycle cycle, List<UserErrorView> userErrors) {
    }

    private final BettingTable table;
    private final Cycles cycles;
    private final TableScores scores;
    private final BetService bets;
    private final CurrentUsers users;

    BettingTableController(BettingTable table, Cycles cycles, TableScores scores, BetService bets, CurrentUsers users) {
        this.table = table;
        this.cycles = cycles;
        this.scores = scores;
        this.bets = bets;
        this.users = users;
    }

    @QueryMapping
    List<Cycle> cycles() {
        return cycles.cycles();
    }

    @MutationMapping
    CreateCyclePayload createCycle(@Argument CreateCycleInput input) {
        return Mutations.run(() -> new CreateCyclePayload(cycles.create(input.name(), input.startsOn(), input.endsOn(),
                input.capacity().stream().map(t -> new Cycles.CapacityDraft(t.team(), weeks(t.personWeeks()))).toList(),
                users.current()), List.of()), errors -> new CreateCyclePayload(null, errors));
    }

    @MutationMapping
    PitchBetPayload pitchBet(@Argument PitchBetInput input) {
        return Mutations.run(() -> new PitchBetPayload(table.pitch(GlobalId.require("Bet", input.betId(), "betId"),
                GlobalId.require(CYCLE, input.cycleId(), "cycleId"), users.current()),
                List.of()), errors -> new PitchBetPayload(null, errors));
    }

    @MutationMapping
    PlaceBetPayload placeBet(@Argument PlaceBetInput input) {
        return Mutations.run(() -> {
            GiveWayInput g = input.giveWay();
            GiveWay giveWay = g == null ? null : new GiveWay(g.kind(),
                    g.pitchId() == null ? null : GlobalId.require(PITCH, g.pitchId(), "giveWay.pitchId"),
                    g.toCycleId() == null ? null : GlobalId.require(CYCLE, g.toCycleId(), "giveWay.toCycleId"),
                    g.personWeeks() == null ? null : weeks(g.personWeeks()), g.reason());
            BettingTable.Placement placement = table.place(GlobalId.require(PITCH, input.pitchId(), "pitchId"),
                    input.position(), giveWay, users.current());
            return new PlaceBetPayload(placement.pitch(), placement.decisions(), List.of());
        }, errors -> new PlaceBetPayload(null, List.of(), errors));
    }

    @MutationMapping
    SignCycleTablePayload signCycleTable(@Argument CycleRef input) {
        return Mutations.run(() -> new SignCycleTablePayload(table.sign(GlobalId.require(CYCLE, input.cycleId(), "cycleId"),
                users.current()), List.of()), errors -> new SignCycleTablePayload(null, errors));
    }

    @SchemaMapping(typeName = CYCLE)
    List<TeamCapacity> capacity(Cycle cycle) {
        return cycles.capacity(cycle.id());
    }

    @SchemaMapping(typeName = CYCLE)
    List<Pitch> placed(Cycle cycle) {
        return cycles.pitches(cycle.id()).stream().filter(p -> p.status() == Pitch.Status.PLACED).toList();
    }

    @SchemaMapping(typeName = CYCLE)
    List<Pitch> pitched(Cycle cycle) {
        return cycles.pitches(cycle.id()).stream().filter(p -> p.status() == Pitch.Status.PITCHED).toList();
    }

    @SchemaMapping(typeName = CYCLE)
    List<Pitch> notPlaced(Cycle cycle) {
        return cycles.pitches(cycle.id()).stream()
                .filter(p -> p.status() != Pitch.Status.PLACED && p.status() != Pitch.Status.PITCHED).toList();
    }

    @SchemaMapping(typeName = CYCLE)
    TableScores.CycleResults results(Cycle cycle) {
        return scores.results(cycle.id());
    }

    @SchemaMapping(typeName = "Scorecard")
    List<TableScores.LeaderRecord> leaders(Scorecard scorecard) {
        return scores.leaders(scorecard.start(), scorecard.end(), scorecard.team());
    }

    @SchemaMapping(typeName = "Scorecard")
    List<TableScores.TeamCapacityUse> teamCapacity(Scorecard scorecard) {
        return scores.teamCapacity(scorecard.from(), scorecard.to(), scorecard.team());
    }

    @SchemaMapping(typeName = CYCLE)
    List<CycleSignature> signatures(Cycle cycle) {
        return cycles.signatures(cycle.id());
    }

    @BatchMapping(typeName = PITCH)
    Map<Pitch, Bet> bet(List<Pitch> pitches) {
        Map<UUID, Bet> found = bets.findAll(pitches.stream().map(Pitch::betId).collect(Collectors.toSet()));
        return pitches.stream().distinct().collect(Collectors.toMap(Function.identity(), p -> found.get(p.betId())));
    }

    @SchemaMapping(typeName = PITCH)
    Cycle cycle(Pitch pitch) {
        return cycles.find(pitch.cycleId()).orElseThrow();
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<Pitch>> pitches(List<Bet> page) {
        Map<UUID, List<Pitch>> byBet = cycles.pitchesOfBets(page.stream().map(Bet::getId).toList()).stream()
                .collect(Collectors.groupingBy(Pitch::betId));
        return page.stream().collect(Collectors.toMap(Function.identity(), b -> byBet.getOrDefault(b.getId(), List.of())));
    }

    /** A Float from GraphQL as person-weeks; its range and precision are the service's rule. */
    private static BigDecimal weeks(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : BigDecimal.valueOf(value);
    }

    @Bean
    static NodeResolver cycleNodes(Cycles cycles) {
        return NodeResolver.of(CYCLE, Cycle.class, Cycle::id, cycles::find);
    }

    @Bean
    static NodeResolver pitchNodes(Cycles cycles) {
        return NodeResolver.of(PITCH, Pitch.class, Pitch::id, cycles::findPitch);
    }
}
