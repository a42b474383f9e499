package io.tandem.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what over HTTP. GraphQL needs an authenticated caller; what each role may do is
 * decided by @PreAuthorize on the module services and by the gate listeners.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties,
                                    ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql", "/graphql/**").authenticated()
                        // the decision log's export for auditors (checkpoint/LogExportController)
                        .requestMatchers("/exports/**").authenticated()
                        // GraphQL over WebSocket: browsers cannot send headers on the upgrade, so the socket signs in
                        // with its connection_init message (WebSocketAuthentication), never with a cookie
                        .requestMatchers("/graphql-ws").permitAll()
                        .anyRequest().permitAll())
                // The GraphQL API takes credentials in headers, never cookies; the engine's web apps
                // run their own CSRF protection under /camunda.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.demoMode()) {
            http.httpBasic(Customizer.withDefaults());
        } else {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                    .decoder(jwtDecoder.getObject())
                    .jwtAuthenticationConverter(keycloakRoles(properties))));
        }
        return http.build();
    }

    /** Demo users exist only when no identity provider is configured. */
    @Bean
    UserDetailsService userDetailsService(SecurityProperties properties, DemoUsers demoUsers) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        if (properties.demoMode()) {
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            for (DemoUsers.DemoUser user : demoUsers.all()) {
                manager.createUser(User.withUsername(user.id())
                        .password(encoder.encode(user.password()))
                        .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                        .build());
            }
        }
        return manager;
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.demoMode()) {
            return token -> {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("No identity provider is configured");
            };
        }
        // Resolved on first use, so Tandem starts even while the identity provider is still booting.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(new JwtTimestampValidator(properties.clockSkew()));
            validators.add(new JwtIssuerValidator(properties.issuerUri()));
            if (properties.audience() != null && !properties.audience().isBlank()) {
                validators.add(new JwtAudienceValidator(properties.audience()));
            }
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
            return decoder;
        });
    }

    static JwtAuthenticationConverter keycloakRoles(SecurityProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRoles(properties.effectiveRoleClients())::of);
        return converter;
    }
}
