package io.tandem.security;

/**
 * An admin erased this person's personal data: published inside the erasure's transaction, so each module blanks the
 * copies of their name it keeps ({@code formerName}, to find it in text such as activity summaries) before it commits;
 * a module that must keep the person (they still lead an open bet) refuses by throwing, and nothing is erased.
 */
public record PersonErased(String userId, String formerName) {
}
