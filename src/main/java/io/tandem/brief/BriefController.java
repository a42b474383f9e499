package io.tandem.brief;

import io.tandem.bet.Bet;
import io.tandem.graphql.GlobalId;
import io.tandem.graphql.Mutations;
import io.tandem.graphql.UserErrorView;
import io.tandem.security.CurrentUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Briefs on a bet, and the mutations that write them. Nested lists are batched per page of bets. */
@Controller
class BriefController {

    static final String BRIEF = "ProblemBrief";

    record ReviseBriefInput(String betId, String problem, String customerSegment, String whyThisBet,
                            String alternativesConsidered, String riskAppetite, List<SuccessMetric> successMetrics,
                            List<String> nonGoals, String businessConstraints, Appetite appetite, LocalDate window) {
    }

    record ReviseBriefPayload(ProblemBriefView brief, List<UserErrorView> userErrors) {
    }

    private final BriefService briefs;
    private final CurrentUsers users;

    BriefController(BriefService briefs, CurrentUsers users) {
        this.briefs = briefs;
        this.users = users;
    }

    @MutationMapping
    ReviseBriefPayload reviseBrief(@Argument ReviseBriefInput input) {
        return Mutations.run(() -> {
            UUID betId = GlobalId.require("Bet", input.betId(), "betId");
            BriefRevision revision = briefs.revise(betId, new BriefContent(input.problem(), input.customerSegment(),
                    input.whyThisBet(), input.alternativesConsidered(), input.riskAppetite(), input.successMetrics(),
                    input.nonGoals(), input.businessConstraints(), input.appetite(), input.window()), users.current());
            return new ReviseBriefPayload(view(revision), List.of());
        }, errors -> new ReviseBriefPayload(null, errors));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, ProblemBriefView> brief(List<Bet> bets) {
        Map<UUID, BriefRevision> latest = briefs.latest(ids(bets));
        return bets.stream().filter(b -> latest.containsKey(b.getId()))
                .collect(Collectors.toMap(Function.identity(), b -> view(latest.get(b.getId()))));
    }

    @BatchMapping(typeName = "Bet")
    Map<Bet, List<ProblemBriefView>> briefRevisions(List<Bet> bets) {
        Map<UUID, List<BriefRevision>> history = briefs.history(ids(bets));
        return bets.stream().collect(Collectors.toMap(Function.identity(),
                b -> history.getOrDefault(b.getId(), List.of()).stream().map(BriefController::view).toList()));
    }

    static ProblemBriefView view(BriefRevision revision) {
        return ProblemBriefView.of(GlobalId.of(BRIEF, revision.getId()), revision);
    }

    static List<UUID> ids(List<Bet> bets) {
        return bets.stream().map(Bet::getId).toList();
    }
}
