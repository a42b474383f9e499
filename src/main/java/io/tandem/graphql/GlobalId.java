package io.tandem.graphql;

import io.tandem.shared.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Opaque global ids: base64url of "Type:uuid", so node(id) knows where to look. */
public final class GlobalId {

    private GlobalId() {
    }

    public record Parsed(String type, UUID id) {
    }

    public static String of(String type, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<Parsed> parse(String globalId) {
        if (globalId == null || globalId.length() > 200) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The uuid of an id of the given type, for lookups where a wrong id simply finds nothing. */
    public static Optional<UUID> find(String type, String globalId) {
        return parse(globalId).filter(p -> p.type().equals(type)).map(Parsed::id);
    }

    /** The uuid of a mutation input id; NOT_FOUND naming the field when it cannot be one. */
    public static UUID require(String type, String globalId, String field) {
        return find(type, globalId).orElseThrow(() -> RuleViolation.notFound(field, type + " " + globalId));
    }
}
