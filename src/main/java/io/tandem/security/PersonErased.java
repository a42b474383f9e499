package io.tandem.security;

/**
 * An admin is erasing this person's personal data: published inside the erasure's transaction before anything is
 * erased, so a module that must keep the person (they still lead an open bet) refuses by throwing, and nothing is
 * erased. The copies of the name are blanked where each module declares them (NameCopy).
 */
public record PersonErased(String userId) {
}
