package io.tandem.graphql;

import io.tandem.shared.ErrorCode;

/** The schema's UserError. */
public record UserErrorView(String field, String message, ErrorCode code) {
}
