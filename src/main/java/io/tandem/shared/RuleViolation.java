package io.tandem.shared;

/**
 * A business rule refused the request. Thrown inside the transaction so that everything the
 * request wrote is rolled back; the GraphQL layer turns it into a userError.
 */
public class RuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public RuleViolation(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public RuleViolation(ErrorCode code, String message) {
        this(code, null, message);
    }

    public static RuleViolation notFound(String field, String what) {
        return new RuleViolation(ErrorCode.NOT_FOUND, field, what + " does not exist");
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(ErrorCode.INVALID_INPUT, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Finds a violation anywhere in a cause chain (the engine wraps what listeners throw). */
    public static RuleViolation findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation violation) {
                return violation;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
