package io.tandem.activity;

import io.tandem.bet.Bet;
import io.tandem.bet.BetService;
import io.tandem.graphql.Connections;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ActivityController {

    record Edge(String cursor, ActivityEvent node) {
    }

    record ActivityConnection(List<Edge> edges, List<ActivityEvent> nodes, Connections.PageInfo pageInfo) {
    }

    private final ActivityLog log;
    private final BetService bets;

    ActivityController(ActivityLog log, BetService bets) {
        this.log = log;
        this.bets = bets;
    }

    @QueryMapping
    ActivityConnection activity(@Argument Integer first, @Argument String after, @Argument ActivityFilterInput filterBy) {
        int size = Connections.pageSize(first);
        Optional<ActivityLog.Position> position = after == null || after.isEmpty() ? Optional.empty()
                : Optional.of(ActivityLog.Position.parse(after)
                .orElseThrow(() -> new Connections.InvalidArgument("after is not a cursor of the activity feed")));
        ActivityLog.Page page = log.page(ActivityFilterInput.filter(filterBy,
                betId -> new Connections.InvalidArgument("filterBy.betId is not a bet id")), position, size);
        List<Edge> edges = page.activities().stream()
                .map(a -> new Edge(ActivityLog.Position.of(a).cursor(), ActivityEvent.of(a))).toList();
        return new ActivityConnection(edges, edges.stream().map(Edge::node).toList(), new Connections.PageInfo(page.hasNext(),
                position.isPresent(), edges.isEmpty() ? null : edges.get(0).cursor(),
                // an empty page keeps the reader where it was, so polling again resumes from the same place
                edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor()));
    }

    @SchemaMapping(typeName = "BetEvent", field = "bet")
    Bet bet(ActivityEvent event) {
        return bets.read(event.betId()).orElseThrow();
    }
}
