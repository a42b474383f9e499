package io.tandem.operations;

import io.tandem.graphql.Connections;
import io.tandem.security.Roles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bets whose workflow cannot move them on, for every reader: oldest bet first, in keyset pages. */
@Service
public class BrokenWorkflows {

    private static final String CREATED_AT = "createdAt";
    private static final String ID = "id";

    private final BrokenWorkflowQuery query;

    BrokenWorkflows(BrokenWorkflowQuery query) {
        this.query = query;
    }

    /** The page after {@code position}; a cursor of another connection is a bad request. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public Window<BrokenWorkflow> page(ScrollPosition position, int size) {
        Instant afterCreatedAt = null;
        UUID afterId = null;
        if (position instanceof KeysetScrollPosition keyset && !keyset.isInitial()) {
            if (!(keyset.getKeys().get(CREATED_AT) instanceof Instant createdAt) || !(keyset.getKeys().get(ID) instanceof UUID id)) {
                throw new Connections.InvalidArgument("after is not a cursor of workflowProblems");
            }
            afterCreatedAt = createdAt;
            afterId = id;
        }
        List<BrokenWorkflow> found = query.page(afterCreatedAt, afterId, size + 1);
        List<BrokenWorkflow> page = found.subList(0, Math.min(size, found.size()));
        return Window.from(page, i -> positionOf(page.get(i)), found.size() > size);
    }

    /** How many bets have a broken workflow. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.READ)
    public long count() {
        return query.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static ScrollPosition positionOf(BrokenWorkflow broken) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(CREATED_AT, broken.betCreatedAt());
        keys.put(ID, broken.betId());
        return ScrollPosition.forward(keys);
    }
}
