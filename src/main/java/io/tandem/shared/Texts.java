package io.tandem.shared;

import java.util.regex.Pattern;

/** Input checks shared by every module, so that limits and messages are the same everywhere. */
public final class Texts {

    public static final int TITLE_MAX = 200;
    public static final int SHORT_TEXT_MAX = 2_000;
    public static final int LONG_TEXT_MAX = 20_000;
    /** A person's id at the identity provider (the columns that hold one are this wide). */
    public static final int USER_ID_MAX = 100;

    private static final Pattern ISO_DURATION =
            Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?");

    private Texts() {
    }

    /** Trims and checks a required text; the field name is the input field the client sent. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid(field, field + " must not be empty");
        }
        return optional(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw RuleViolation.invalid(field, field + " is " + trimmed.length() + " characters long; the limit is " + max);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** An ISO-8601 duration the BPMN timers understand, such as P14D, PT30S or P1Y2M. */
    public static String duration(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip().toUpperCase();
        if (!ISO_DURATION.matcher(trimmed).matches() || trimmed.replaceAll("[^1-9]", "").isEmpty()) {
            throw RuleViolation.invalid(field, field + " must be a positive ISO-8601 duration such as P14D or PT30S, not '" + abbreviate(value) + "'");
        }
        return trimmed;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
