package io.tandem.brief;

import io.tandem.bet.Bet;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class ConstraintController {

    static final String TYPE = "TechnicalConstraint";

    record AddConstraintInput(String betId, String title, String description, TechnicalConstraint.Severity severity) {
    }

    record AcknowledgeConstraintInput(String constraintId, String response) {
    }

    record ConstraintPayload(TechnicalConstraint constraint, List<UserErrorView> userErrors) {
    }

    private final ConstraintService constraints;
    private final CurrentUsers users;

    ConstraintController(ConstraintService constraints, CurrentUsers users) {
        this.constraints = constraints;
        this.users = users;
    }

    @MutationMapping
    ConstraintPayload addConstraint(@Argument AddConstraintInput input) {
        return Mutations.run(() -> new ConstraintPayload(constraints.add(GlobalId.require("Bet", input.betId(), "betId"),
                input.title(), input.description(), input.severity(), users.current()), List.of()),
                errors -> new ConstraintPayload(null, errors));
    }

    @MutationMapping
    ConstraintPayload acknowledgeConstraint(@Argument AcknowledgeConstraintInput input) {
        return Mutations.run(() -> {
            UUID id = GlobalId.require(TYPE, input.constraintId(), "constraintId");
            constraints.acknowledge(id, input.response(), users.current());
            return new ConstraintPayload(constraints.read(id).orElseThrow(), List.of());
        }, errors -> new ConstraintPayload(null, errors));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<TechnicalConstraint>> constraints(List<Bet> bets) {
        Map<UUID, List<TechnicalConstraint>> byBet = constraints.forBets(BriefController.ids(bets));
        return bets.stream().collect(Collectors.toMap(Function.identity(), b -> byBet.getOrDefault(b.getId(), List.of())));
    }

    @BatchMapping(typeName = TYPE)
    Map<TechnicalConstraint, List<ConstraintAcknowledgement>> acknowledgements(List<TechnicalConstraint> list) {
        Map<UUID, List<ConstraintAcknowledgement>> acks = constraints.acknowledgementsOf(
                list.stream().map(TechnicalConstraint::getId).toList());
        return list.stream().collect(Collectors.toMap(Function.identity(), c -> acks.getOrDefault(c.getId(), List.of())));
    }
}
