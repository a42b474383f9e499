/**
 * People: the directory of everyone who can hold a bet's lead or receive a task. Owns the {@code person} table, kept
 * from two sources: each person the security module records on sign-in (PersonRecorded), and, when configured, the
 * Keycloak realm's users with a Tandem role (KeycloakDirectory, through Keycloak's admin API). Offers People to list
 * them ({@code people} in GraphQL) and to check a named lead: that they exist and hold the side's role; each person's
 * pseudonym, by which the decision log's hashes name them; and Erasures ({@code erasePersonalData}), which erases a
 * person's personal data from their row and from every NameCopy the modules declare, recorded in person_erasure.
 */
package io.tandem.people;
