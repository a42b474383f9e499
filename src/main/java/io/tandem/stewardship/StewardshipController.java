package io.tandem.stewardship;

import io.tandem.bet.Bet;
import io.tandem.bet.BetEdit;
import io.tandem.decision.Decision;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import io.tandem.security.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
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

    private final Stewardship stewardship;
    private final CurrentUsers users;

    StewardshipController(Stewardship stewardship, CurrentUsers users) {
        this.stewardship = stewardship;
        this.users = users;
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

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<LeadReassignment>> pendingLeadReassignments(List<Bet> bets) {
        Map<UUID, List<LeadReassignment>> byBet = stewardship.pending(bets.stream().map(Bet::getId).toList()).stream()
                .collect(Collectors.groupingBy(LeadReassignment::getBetId));
        return bets.stream().collect(Collectors.toMap(b -> b, b -> byBet.getOrDefault(b.getId(), List.of()), (a, b) -> a));
    }
}
