package io.tandem.support;

import java.util.List;
import java.util.Map;

/** A mutation payload as a client sees it. */
public record Payload(Map<String, Object> body) {

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> userErrors() {
        return (List<Map<String, Object>>) body.get("userErrors");
    }

    public List<String> errorCodes() {
        return userErrors().stream().map(e -> (String) e.get("code")).toList();
    }

    public boolean ok() {
        return userErrors().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> get(String field) {
        return (Map<String, Object>) body.get(field);
    }

    public Map<String, Object> bet() {
        return get("bet");
    }

    public String betStage() {
        return (String) bet().get("stage");
    }
}
