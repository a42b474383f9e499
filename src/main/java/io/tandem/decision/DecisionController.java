package io.tandem.decision;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.NodeResolver;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The decision log and commitment options of a bet. */
@Controller
class DecisionController {

    static final String DECISION = "Decision";
    static final String OPTION = "BetOption";

    private final DecisionLog log;
    private final OptionService options;
    private final BetService bets;

    DecisionController(DecisionLog log, OptionService options, BetService bets) {
        this.log = log;
        this.options = options;
        this.bets = bets;
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, Decision> latestDecision(List<Bet> page) {
        Map<UUID, Decision> latest = log.latest(page.stream().map(Bet::getId).toList());
        return page.stream().filter(b -> latest.containsKey(b.getId()))
                .collect(Collectors.toMap(Function.identity(), b -> latest.get(b.getId())));
    }

    @SchemaMapping(typeName = "Bet")
    Connections.Connection<Decision> decisions(Bet bet, @Argument Integer first, @Argument String after) {
        int size = Connections.pageSize(first);
        ScrollPosition position = Connections.after(after);
        return Connections.of(log.page(bet.getId(), position, size), position, () -> log.count(bet.getId()));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<BetOption>> options(List<Bet> page) {
        Map<UUID, List<BetOption>> current = options.current(page.stream().map(Bet::getId).toList());
        return page.stream().collect(Collectors.toMap(Function.identity(), b -> current.getOrDefault(b.getId(), List.of())));
    }

    @SchemaMapping(typeName = DECISION)
    Decision supersedes(Decision decision) {
        return decision.getSupersedesId() == null ? null : log.read(decision.getSupersedesId()).orElse(null);
    }

    /** An ask's option (ask/AskController names the type); the decision module only names its id. */
    private static final String ASK_OPTION = "AskOption";

    /** Options, ask options and correction proposals are named by their global ids in the API; the log keeps the raw ids it hashed. */
    @SchemaMapping(typeName = DECISION)
    String chosenOption(Decision decision) {
        if (decision.getChosenOption() == null) {
            return null;
        }
        return switch (decision.getKind()) {
            case COMMITMENT -> GlobalId.of(OPTION, UUID.fromString(decision.getChosenOption()));
            // the CORRECTION gate's entries name the proposal both sides answered
            case CORRECTION, CORRECTION_REJECTED -> GlobalId.of(CorrectionController.PROPOSAL, UUID.fromString(decision.getChosenOption()));
            case ASK_ACCEPTED -> GlobalId.of(ASK_OPTION, UUID.fromString(decision.getChosenOption()));
            default -> decision.getChosenOption();
        };
    }

    /** A signer's name as it is now, from the person the entry names; the entry itself keeps no name. */
    @BatchMapping(typeName = "DecisionSigner", field = "name")
    Map<Signer, String> signerName(List<Signer> signers) {
        Map<String, String> names = log.names(signers);
        return signers.stream().collect(Collectors.toMap(Function.identity(), s -> names.get(s.userId()), (a, b) -> a));
    }

    @SchemaMapping(typeName = "OptionConsidered", field = "id")
    String consideredId(OptionConsidered option) {
        return GlobalId.of(OPTION, UUID.fromString(option.id()));
    }

    @SchemaMapping(typeName = OPTION)
    LocalDate window(BetOption option) {
        return option.getWindowDate();
    }

    @Bean
    static NodeResolver decisionNodes(DecisionLog log) {
        return NodeResolver.of(DECISION, Decision.class, Decision::getId, log::read);
    }

    @Bean
    static NodeResolver optionNodes(OptionService options) {
        return NodeResolver.of(OPTION, BetOption.class, BetOption::getId, options::read);
    }
}
