/**
 * Who is calling and with which roles: JWTs from the identity provider (Keycloak roles mapped to Tandem's Role),
 * or the demo users when none is configured; the same person on the GraphQL WebSocket (WebSocketAuthentication)
 * and in the engine's web apps (WebAppSingleSignOn, EngineIdentities). Offers CurrentUser and CurrentUsers.
 */
package io.tandem.security;
