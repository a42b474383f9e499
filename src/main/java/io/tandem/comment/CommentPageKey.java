package io.tandem.comment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;

/**
 * Which page of a bet's comments: {@code size} comments after a keyset position on (createdAt, id), or
 * from the start when the position is absent. Keys with the same size and position are read together.
 */
public record CommentPageKey(UUID betId, int size, Instant afterCreatedAt, UUID afterId) {

    private static final String CREATED_AT = "createdAt";
    private static final String ID = "id";

    /** The key for a page after {@code position}; empty when the position is not one of a comment. */
    public static Optional<CommentPageKey> of(UUID betId, int size, ScrollPosition position) {
        if (!(position instanceof KeysetScrollPosition keyset)) {
            return Optional.empty();
        }
        if (keyset.isInitial()) {
            return Optional.of(new CommentPageKey(betId, size, null, null));
        }
        Map<String, Object> keys = keyset.getKeys();
        if (keys.size() == 2 && keys.get(CREATED_AT) instanceof Instant createdAt && keys.get(ID) instanceof UUID id) {
            return Optional.of(new CommentPageKey(betId, size, createdAt, id));
        }
        return Optional.empty();
    }

    /** Where this page starts. */
    public ScrollPosition position() {
        return afterCreatedAt == null ? ScrollPosition.keyset() : positionOf(afterCreatedAt, afterId);
    }

    boolean fromStart() {
        return afterCreatedAt == null;
    }

    static ScrollPosition positionOf(BetComment comment) {
        return positionOf(comment.getCreatedAt(), comment.getId());
    }

    private static ScrollPosition positionOf(Instant createdAt, UUID id) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put(CREATED_AT, createdAt);
        keys.put(ID, id);
        return ScrollPosition.forward(keys);
    }
}
