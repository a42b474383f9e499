package io.tandem.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings. With no issuer the local demo users are active; with an issuer (TANDEM_OIDC_ISSUER_URI)
 * only tokens that issuer signed are trusted, and the demo users do not exist.
 *
 * @param issuerUri the OpenID Connect issuer, for example a Keycloak realm URL
 * @param audience  when set, tokens must name it in their "aud" claim
 */
@ConfigurationProperties("tandem.security")
public record SecurityProperties(String issuerUri, String audience) {

    public boolean demoMode() {
        return issuerUri == null || issuerUri.isBlank();
    }
}
