package io.tandem.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings. With no issuer the local demo users are active; with an issuer (TANDEM_OIDC_ISSUER_URI)
 * only tokens that issuer signed are trusted, and the demo users do not exist.
 *
 * @param issuerUri the OpenID Connect issuer, for example a Keycloak realm URL
 * @param audience  when set, tokens must name it in their "aud" claim
 * @param clockSkew how far a token's exp/nbf may be off before it is refused
 * @param roleClients the clients whose client roles count as Tandem roles, besides the realm roles; empty: the
 *                    audience client only (none when no audience is set)
 * @param webappClientId     the confidential client the engine's web apps sign people in with
 * @param webappClientSecret its secret
 */
@ConfigurationProperties("tandem.security")
public record SecurityProperties(String issuerUri, String audience, @DefaultValue("30s") Duration clockSkew,
                                 List<String> roleClients,
                                 @DefaultValue("tandem-camunda") String webappClientId, String webappClientSecret) {

    public boolean demoMode() {
        return issuerUri == null || issuerUri.isBlank();
    }

    /** The clients whose roles count: the ones named, or else the audience client. */
    public List<String> effectiveRoleClients() {
        List<String> named = roleClients == null ? List.of() : roleClients.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (!named.isEmpty()) {
            return named;
        }
        return audience == null || audience.isBlank() ? List.of() : List.of(audience.strip());
    }
}
