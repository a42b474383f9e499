package io.tandem.graphql;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;

/**
 * Opaque cursors for keyset positions. Each key value carries its type, so the next query compares
 * an Instant with an Instant and a UUID with a UUID (a plain JSON round trip would turn both into strings).
 */
final class KeysetCursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CURSOR_LENGTH = 1_000;

    private KeysetCursors() {
    }

    static String encode(ScrollPosition position) {
        if (!(position instanceof KeysetScrollPosition keyset)) {
            throw new IllegalArgumentException("Only keyset positions are issued as cursors");
        }
        Map<String, String> typed = new LinkedHashMap<>();
        keyset.getKeys().forEach((key, value) -> typed.put(key, typed(value)));
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(typed));
        } catch (Exception e) {
            throw new IllegalStateException("A keyset position is always serialisable", e);
        }
    }

    static Optional<ScrollPosition> decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            return Optional.empty();
        }
        try {
            Map<String, String> typed = JSON.readValue(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, String>>() { });
            Map<String, Object> keys = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : typed.entrySet()) {
                keys.put(entry.getKey(), value(entry.getValue()));
            }
            return keys.isEmpty() ? Optional.empty() : Optional.of(ScrollPosition.forward(keys));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String typed(Object value) {
        if (value instanceof Instant instant) {
            return "I" + instant;
        }
        if (value instanceof UUID uuid) {
            return "U" + uuid;
        }
        if (value instanceof Integer number) {
            return "N" + number;
        }
        if (value instanceof String text) {
            return "S" + text;
        }
        throw new IllegalArgumentException("No cursor encoding for " + value.getClass());
    }

    private static Object value(String typed) {
        String raw = typed.substring(1);
        return switch (typed.charAt(0)) {
            case 'I' -> Instant.parse(raw);
            case 'U' -> UUID.fromString(raw);
            case 'N' -> Integer.valueOf(raw);
            case 'S' -> raw;
            default -> throw new IllegalArgumentException("Unknown cursor value type");
        };
    }
}
