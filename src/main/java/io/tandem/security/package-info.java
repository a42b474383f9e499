/**
 * Who is calling and with which roles: JWTs from the identity provider (Keycloak roles mapped to Tandem's Role),
 * or the demo users when none is configured; the same person on the GraphQL WebSocket (WebSocketAuthentication)
 * and in the engine's web apps (WebAppSingleSignOn, EngineIdentities). Offers CurrentUser and CurrentUsers, and
 * what every module needs of a person's personal data: PersonRecorded, PersonErased, and NameCopy, the bean by which
 * a module declares where it keeps copies of people's names.
 */
package io.tandem.security;
