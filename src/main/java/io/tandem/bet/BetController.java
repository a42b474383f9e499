package io.tandem.bet;

import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.NodeResolver;
import io.tandem.security.CurrentUsers;
import io.tandem.shared.Texts;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class BetController {

    static final String TYPE = "Bet";

    record BetFilter(List<Stage> stages, List<Outcome> outcomes, String titleContains, String lead, String team) {
    }

    record BetOrder(BetQuery.OrderField field, String direction) {
    }

    record CreateBetInput(String title, Uncertainty uncertainty, String productLead, String engineeringLead,
                          String spikeQuestion, String spikeTimebox, String measurementPeriod, String team) {
    }

    record AssessUncertaintyInput(String betId, Uncertainty uncertainty, String spikeQuestion, String spikeTimebox) {
    }

    private final BetService bets;
    private final CurrentUsers users;

    BetController(BetService bets, CurrentUsers users) {
        this.bets = bets;
        this.users = users;
    }

    @QueryMapping
    Bet bet(@Argument String id) {
        return GlobalId.find(TYPE, id).flatMap(bets::read).orElse(null);
    }

    @QueryMapping
    Connections.Connection<Bet> bets(@Argument Integer first, @Argument String after, @Argument BetFilter filterBy,
                                     @Argument BetOrder orderBy) {
        int size = Connections.pageSize(first);
        ScrollPosition position = Connections.after(after);
        BetFilter filter = filterBy == null ? new BetFilter(null, null, null, null, null) : filterBy;
        if (filter.titleContains() != null && filter.titleContains().length() > Texts.TITLE_MAX) {
            throw new Connections.InvalidArgument("titleContains is limited to " + Texts.TITLE_MAX + " characters");
        }
        BetQuery query = new BetQuery(filter.stages(), filter.outcomes(), filter.titleContains(), filter.lead(), filter.team(),
                orderBy == null ? BetQuery.OrderField.CREATED_AT : orderBy.field(),
                orderBy == null || "DESC".equals(orderBy.direction()));
        return Connections.of(bets.page(query, position, size), position, () -> bets.count(query));
    }

    @MutationMapping
    BetPayload createBet(@Argument CreateBetInput input) {
        return Mutations.run(() -> BetPayload.of(bets.create(new NewBet(input.title(), input.uncertainty(),
                input.productLead(), input.engineeringLead(), input.spikeQuestion(), input.spikeTimebox(),
                input.measurementPeriod(), input.team()), users.current())), BetPayload::refused);
    }

    @MutationMapping
    BetPayload assessUncertainty(@Argument AssessUncertaintyInput input) {
        return Mutations.run(() -> BetPayload.of(bets.assessUncertainty(GlobalId.require(TYPE, input.betId(), "betId"),
                input.uncertainty(), input.spikeQuestion(), input.spikeTimebox())), BetPayload::refused);
    }

    @SchemaMapping(typeName = TYPE)
    LocalDate window(Bet bet) {
        return bet.getWindowDate();
    }

    @Bean
    static NodeResolver betNodes(BetService bets) {
        return NodeResolver.of(TYPE, Bet.class, Bet::getId, bets::read);
    }
}
