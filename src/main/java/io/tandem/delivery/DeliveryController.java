package io.tandem.delivery;

import io.tandem.bet.Bet;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.NodeResolver;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** A bet's delivery record: status updates and change requests. */
@Controller
class DeliveryController {

    static final String CHANGE_REQUEST = "ChangeRequest";

    record PostStatusUpdateInput(String betId, DeliveryStatus status, String text) {
    }

    record StatusUpdatePayload(StatusUpdate statusUpdate, List<UserErrorView> userErrors) {
    }

    private final DeliveryService delivery;
    private final CurrentUsers users;

    DeliveryController(DeliveryService delivery, CurrentUsers users) {
        this.delivery = delivery;
        this.users = users;
    }

    @MutationMapping
    StatusUpdatePayload postStatusUpdate(@Argument PostStatusUpdateInput input) {
        return Mutations.run(() -> new StatusUpdatePayload(delivery.postStatus(GlobalId.require("Bet", input.betId(), "betId"),
                input.status(), input.text(), users.current()), List.of()), errors -> new StatusUpdatePayload(null, errors));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<StatusUpdate>> statusUpdates(List<Bet> bets) {
        Map<UUID, List<StatusUpdate>> updates = delivery.statusUpdates(bets.stream().map(Bet::getId).toList());
        return bets.stream().collect(Collectors.toMap(Function.identity(), b -> updates.getOrDefault(b.getId(), List.of())));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<ChangeRequest>> changeRequests(List<Bet> bets) {
        Map<UUID, List<ChangeRequest>> requests = delivery.changeRequests(bets.stream().map(Bet::getId).toList());
        return bets.stream().collect(Collectors.toMap(Function.identity(), b -> requests.getOrDefault(b.getId(), List.of())));
    }

    @Bean
    static NodeResolver changeRequestNodes(DeliveryService delivery) {
        return NodeResolver.of(CHANGE_REQUEST, ChangeRequest.class, ChangeRequest::getId, delivery::readChangeRequest);
    }
}
