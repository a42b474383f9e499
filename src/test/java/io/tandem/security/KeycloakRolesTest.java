package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Which roles of a Keycloak token count as Tandem roles: the realm's, and those of Tandem's own clients. */
class KeycloakRolesTest {

    private static final Jwt TOKEN = Jwt.withTokenValue("t").header("alg", "RS256").subject("paul")
            .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60))
            .claim("realm_access", Map.of("roles", List.of("product", "offline_access")))
            .claim("resource_access", Map.of(
                    "wiki", Map.of("roles", List.of("admin")),
                    "tandem-api", Map.of("roles", List.of("engineering"))))
            .build();

    @Test
    void realmRolesAndTheAudienceClientsRolesCountByDefault() {
        SecurityProperties properties = properties("tandem-api", null);
        assertThat(authorities(properties)).containsExactlyInAnyOrder("ROLE_product", "ROLE_engineering");
    }

    @Test
    void anotherClientsRoleOfTheSameNameNeverCounts() {
        assertThat(authorities(properties("tandem-api", null))).doesNotContain("ROLE_admin");
        assertThat(authorities(properties(null, null))).containsExactly("ROLE_product");
    }

    @Test
    void namedClientsReplaceTheAudience() {
        assertThat(authorities(properties("tandem-api", List.of("wiki")))).containsExactlyInAnyOrder("ROLE_product", "ROLE_admin");
    }

    private static List<String> authorities(SecurityProperties properties) {
        return new KeycloakRoles(properties.effectiveRoleClients()).of(TOKEN).stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static SecurityProperties properties(String audience, List<String> roleClients) {
        return new SecurityProperties("http://issuer", audience, Duration.ZERO, roleClients, "tandem-camunda", "secret");
    }
}
