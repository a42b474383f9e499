package io.tandem.ask;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.graphql.NodeResolver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Asks, their options and receipts in GraphQL; making and answering an ask are the lifecycle's mutations. */
@Controller
class AskController {

    static final String ASK = "Ask";
    static final String OPTION = "AskOption";
    static final String RECEIPT = "Receipt";

    private final Asks asks;
    private final BetService bets;

    AskController(Asks asks, BetService bets) {
        this.asks = asks;
        this.bets = bets;
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<Ask>> asks(List<Bet> betList) {
        Map<UUID, List<Ask>> found = asks.asks(betList.stream().map(Bet::getId).toList());
        return betList.stream().distinct().collect(Collectors.toMap(Function.identity(), b -> found.getOrDefault(b.getId(), List.of())));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<Receipt>> receipts(List<Bet> betList) {
        Map<UUID, List<Receipt>> found = asks.receipts(betList.stream().map(Bet::getId).toList());
        return betList.stream().distinct().collect(Collectors.toMap(Function.identity(), b -> found.getOrDefault(b.getId(), List.of())));
    }

    @SchemaMapping(typeName = ASK)
    Bet bet(Ask ask) {
        return bets.get(ask.betId(), "betId");
    }

    @BatchMapping(typeName = ASK)
    Map<Ask, List<AskOption>> options(List<Ask> askList) {
        Map<UUID, List<AskOption>> found = asks.options(askList.stream().map(Ask::id).toList());
        return askList.stream().distinct().collect(Collectors.toMap(Function.identity(), a -> found.getOrDefault(a.id(), List.of())));
    }

    /** The receipt of an accepted ask; null otherwise. */
    @BatchMapping(typeName = ASK)
    Map<Ask, Receipt> receipt(List<Ask> askList) {
        Map<UUID, Receipt> found = asks.receiptsOfAsks(askList.stream().map(Ask::id).toList());
        return askList.stream().distinct().filter(a -> found.containsKey(a.id()))
                .collect(Collectors.toMap(Function.identity(), a -> found.get(a.id())));
    }

    @BatchMapping(typeName = RECEIPT)
    Map<Receipt, List<Asks.Settled>> settlements(List<Receipt> receiptList) {
        Map<UUID, List<Asks.Settled>> found = asks.settlements(receiptList.stream().map(Receipt::id).toList());
        return receiptList.stream().distinct().collect(Collectors.toMap(Function.identity(), r -> found.getOrDefault(r.id(), List.of())));
    }

    @SchemaMapping(typeName = RECEIPT)
    Ask ask(Receipt receipt) {
        return asks.find(receipt.askId()).orElseThrow();
    }

    @Bean
    static NodeResolver askNodes(Asks asks) {
        return NodeResolver.of(ASK, Ask.class, Ask::id, asks::find);
    }

    @Bean
    static NodeResolver askOptionNodes(Asks asks) {
        return NodeResolver.of(OPTION, AskOption.class, AskOption::id, asks::findOption);
    }

    @Bean
    static NodeResolver receiptNodes(Asks asks) {
        return NodeResolver.of(RECEIPT, Receipt.class, Receipt::id, asks::findReceipt);
    }
}
