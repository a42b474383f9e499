package io.tandem.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reading the Keycloak realm's users into the directory (KeycloakDirectory).
 *
 * @param enabled      whether to read them; needs an issuer (tandem.security.issuer-uri)
 * @param clientId     a confidential client of the realm whose service account may view users and clients
 * @param clientSecret its secret
 * (How often the realm is read again, tandem.directory.keycloak.refresh, is KeycloakDirectory's schedule.)
 */
@ConfigurationProperties("tandem.directory.keycloak")
record KeycloakDirectoryProperties(boolean enabled, @DefaultValue("tandem-directory") String clientId, String clientSecret) {
}
