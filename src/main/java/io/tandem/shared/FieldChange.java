package io.tandem.shared;

/** One field of a bet an entry changed: its name, the value before and the value after (null for none). */
public record FieldChange(String field, String from, String to) {
}
