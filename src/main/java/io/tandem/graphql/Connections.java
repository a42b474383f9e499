package io.tandem.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/** Relay connections over Spring Data keyset windows, with the limits every list obeys. */
public final class Connections {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * A page of a Relay connection. {@code totalCount} is counted only when a request selects it: a count reads every
     * matching row, while the page itself stops after {@code first + 1} (BENCHMARKS.md, "Counting only when asked").
     */
    public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, LongSupplier counter) {

        public long totalCount() {
            return counter.getAsLong();
        }
    }

    private Connections() {
    }

    /** The page size asked for, or an error classified as a bad request when out of range. */
    public static int pageSize(Integer first) {
        if (first == null) {
            return DEFAULT_PAGE;
        }
        if (first < 1 || first > MAX_PAGE) {
            throw new InvalidArgument("first must be between 1 and " + MAX_PAGE + ", not " + first);
        }
        return first;
    }

    /** Where to continue from; an initial keyset position when there is no cursor. */
    public static ScrollPosition after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return ScrollPosition.keyset();
        }
        return KeysetCursors.decode(cursor).orElseThrow(() -> new InvalidArgument("after is not a cursor this API issued"));
    }

    /** A page read from {@code position}; there are earlier items unless it started at the beginning. */
    public static <T> Connection<T> of(Window<T> window, ScrollPosition position, LongSupplier totalCount) {
        boolean hasPrevious = position instanceof KeysetScrollPosition keyset && !keyset.isInitial();
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            edges.add(new Edge<>(KeysetCursors.encode(window.positionAt(i)), window.getContent().get(i)));
        }
        PageInfo info = new PageInfo(window.hasNext(), hasPrevious,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, window.getContent(), info, totalCount);
    }

    /** A request argument outside what the API accepts; reported as a BAD_REQUEST GraphQL error. */
    public static class InvalidArgument extends RuntimeException {
        public InvalidArgument(String message) {
            super(message);
        }
    }
}
