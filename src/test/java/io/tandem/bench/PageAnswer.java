package io.tandem.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What the page scenario reads of an answer to {@code bets}: how many edges it has, whether there is a next page and
 * its cursor. Read in one streaming pass that still checks that the whole answer is JSON and has no errors, without
 * building a tree of its 38 kB: the clients share the two cores and the heap with Tandem (BENCHMARKS.md, "The load
 * generator").
 */
record PageAnswer(int edges, boolean hasNextPage, String endCursor) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final PageAnswer NONE = new PageAnswer(0, false, null);

    static PageAnswer read(byte[] answer) {
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a GraphQL answer: " + text(answer));
            }
            PageAnswer page = NONE;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("errors") && value == JsonToken.START_ARRAY && parser.nextToken() != JsonToken.END_ARRAY) {
                    throw new IllegalStateException("GraphQL errors: " + text(answer));
                } else if (field.equals("data") && value == JsonToken.START_OBJECT) {
                    page = bets(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalStateException("more than one JSON value in an answer: " + text(answer));
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException("the answer is not JSON: " + text(answer), e);
        }
    }

    /** The {@code bets} connection of {@code data}, its other fields skipped. */
    private static PageAnswer bets(JsonParser parser) throws IOException {
        PageAnswer page = NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.START_OBJECT && field.equals("bets")) {
                page = connection(parser);
            } else {
                parser.skipChildren();
            }
        }
        return page;
    }

    private static PageAnswer connection(JsonParser parser) throws IOException {
        int edges = 0;
        PageAnswer info = NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("edges") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    edges++;
                }
            } else if (field.equals("pageInfo") && value == JsonToken.START_OBJECT) {
                info = pageInfo(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new PageAnswer(edges, info.hasNextPage(), info.endCursor());
    }

    /** {@code pageInfo}'s two fields, as an answer of no edges. */
    private static PageAnswer pageInfo(JsonParser parser) throws IOException {
        boolean hasNextPage = false;
        String endCursor = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("hasNextPage")) {
                hasNextPage = value == JsonToken.VALUE_TRUE;
            } else if (field.equals("endCursor")) {
                endCursor = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
        }
        return new PageAnswer(0, hasNextPage, endCursor);
    }

    private static String text(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8);
    }
}
