package io.tandem.stewardship;

import io.tandem.bet.Bet;
import io.tandem.bet.BetEdit;
import io.tandem.bet.BetService;
import io.tandem.bet.StandIn;
import io.tandem.decision.Decision;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.NodeResolver;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class StewardshipController {

    record UpdateBetInput(String betId, String title, String team, String spikeQuestion, String spikeTimebox,
                          String measurementPeriod, String reason) {
    }

    record UpdateBetPayload(Bet bet, Decision decision, List<UserErrorView> userErrors) {
    }

    record ChangeLeadInput(String betId, Role side, String to, String reason) {
    }

    record ChangeLeadPayload(Bet bet, Decision decision, LeadReassignment pendingReassignment, List<UserErrorView> userErrors) {
    }

    static final String STAND_IN = "StandIn";

    record NameStandInInput(String betId, Role side, String standIn, Instant from, Instant to) {
    }

    record RevokeStandInInput(String standInId) {
    }

    record StandInPayload(StandIn standIn, Bet bet, List<UserErrorView> userErrors) {
    }

    private final Stewardship stewardship;
    private final CurrentUsers users;
    private final BetService bets;
    private final Clock clock;

    StewardshipController(Stewardship stewardship, CurrentUsers users, BetService bets, Clock clock) {
        this.stewardship = stewardship;
        this.users = users;
        this.bets = bets;
        this.clock = clock;
    }

    @MutationMapping
    UpdateBetPayload updateBet(@Argument UpdateBetInput input) {
        return Mutations.run(() -> {
            Stewardship.Edited edited = stewardship.edit(GlobalId.require("Bet", input.betId(), "betId"), new BetEdit(
                    input.title(), input.team(), input.spikeQuestion(), input.spikeTimebox(), input.measurementPeriod()),
                    input.reason(), users.current());
            return new UpdateBetPayload(edited.bet(), edited.decision(), List.of());
        }, errors -> new UpdateBetPayload(null, null, errors));
    }

    @MutationMapping
    ChangeLeadPayload changeLead(@Argument ChangeLeadInput input) {
        return Mutations.run(() -> {
            Stewardship.LeadChange change = stewardship.changeLead(GlobalId.require("Bet", input.betId(), "betId"),
                    input.side(), input.to(), input.reason(), users.current());
            return new ChangeLeadPayload(change.bet(), change.decision(), change.pending(), List.of());
        }, errors -> new ChangeLeadPayload(null, null, null, errors));
    }

    @MutationMapping
    StandInPayload nameStandIn(@Argument NameStandInInput input) {
        return Mutations.run(() -> {
            StandIn named = stewardship.nameStandIn(GlobalId.require("Bet", input.betId(), "betId"), input.side(),
                    input.standIn(), input.from(), input.to(), users.current());
            return new StandInPayload(named, bets.find(named.getBetId()).orElse(null), List.of());
        }, errors -> new StandInPayload(null, null, errors));
    }

    @MutationMapping
    StandInPayload revokeStandIn(@Argument RevokeStandInInput input) {
        return Mutations.run(() -> {
            StandIn revoked = stewardship.revokeStandIn(GlobalId.require(STAND_IN, input.standInId(), "standInId"),
                    users.current());
            return new StandInPayload(revoked, bets.find(revoked.getBetId()).orElse(null), List.of());
        }, errors -> new StandInPayload(null, null, errors));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<StandIn>> standIns(List<Bet> page) {
        Map<UUID, List<StandIn>> byBet = stewardship.standIns(page.stream().map(Bet::getId).toList()).stream()
                .collect(Collectors.groupingBy(StandIn::getBetId));
        return page.stream().collect(Collectors.toMap(b -> b, b -> byBet.getOrDefault(b.getId(), List.of()), (a, b) -> a));
    }

    @SchemaMapping(typeName = STAND_IN)
    Instant from(StandIn standIn) {
        return standIn.getStartsAt();
    }

    @SchemaMapping(typeName = STAND_IN)
    Instant to(StandIn standIn) {
        return standIn.getEndsAt();
    }

    @SchemaMapping(typeName = STAND_IN)
    boolean active(StandIn standIn) {
        return standIn.activeAt(clock.instant());
    }

    @Bean
    static NodeResolver standInNodes(Stewardship stewardship) {
        return NodeResolver.of(STAND_IN, StandIn.class, StandIn::getId, stewardship::readStandIn);
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<LeadReassignment>> pendingLeadReassignments(List<Bet> page) {
        Map<UUID, List<LeadReassignment>> byBet = stewardship.pending(page.stream().map(Bet::getId).toList()).stream()
                .collect(Collectors.groupingBy(LeadReassignment::getBetId));
        return page.stream().collect(Collectors.toMap(b -> b, b -> byBet.getOrDefault(b.getId(), List.of()), (a, b) -> a));
    }
}
