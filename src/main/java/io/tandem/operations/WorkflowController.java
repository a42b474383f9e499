package io.tandem.operations;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.decision.Decision;
import io.tandem.graphql.Connections;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Broken workflows for readers, and their restart for admins. */
@Controller
class WorkflowController {

    private static final String BROKEN_WORKFLOW = "BrokenWorkflow";

    record RestartWorkflowInput(String betId, String reason) {
    }

    record RestartWorkflowPayload(Bet bet, Decision decision, List<UserErrorView> userErrors) {
    }

    private final BrokenWorkflows brokenWorkflows;
    private final WorkflowRestart restart;
    private final BetService bets;
    private final CurrentUsers users;

    WorkflowController(BrokenWorkflows brokenWorkflows, WorkflowRestart restart, BetService bets, CurrentUsers users) {
        this.brokenWorkflows = brokenWorkflows;
        this.restart = restart;
        this.bets = bets;
        this.users = users;
    }

    @QueryMapping
    Connections.Connection<BrokenWorkflow> workflowProblems(@Argument Integer first, @Argument String after) {
        int size = Connections.pageSize(first);
        ScrollPosition position = Connections.after(after);
        return Connections.of(brokenWorkflows.page(position, size), position, brokenWorkflows::count);
    }

    @BatchMapping(typeName = BROKEN_WORKFLOW)
    Map<BrokenWorkflow, Bet> bet(List<BrokenWorkflow> page) {
        Map<UUID, Bet> found = bets.findAll(page.stream().map(BrokenWorkflow::betId).distinct().toList());
        return page.stream().filter(b -> found.containsKey(b.betId()))
                .collect(Collectors.toMap(Function.identity(), b -> found.get(b.betId()), (a, b) -> a));
    }

    @MutationMapping
    RestartWorkflowPayload restartWorkflow(@Argument RestartWorkflowInput input) {
        return Mutations.run(() -> {
            WorkflowRestart.Restarted restarted = restart.restart(GlobalId.require("Bet", input.betId(), "betId"),
                    input.reason(), users.current());
            return new RestartWorkflowPayload(restarted.bet(), restarted.decision(), List.of());
        }, errors -> new RestartWorkflowPayload(null, null, errors));
    }
}
