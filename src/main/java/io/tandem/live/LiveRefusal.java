package io.tandem.live;

import org.springframework.graphql.execution.ErrorType;

/** A subscription refused before it started: the client gets one classified error and no stream. */
class LiveRefusal extends RuntimeException {

    private final ErrorType type;

    LiveRefusal(ErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    ErrorType type() {
        return type;
    }
}
