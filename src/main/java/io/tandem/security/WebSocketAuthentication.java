package io.tandem.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.support.AbstractAuthenticationWebSocketInterceptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Who is on a GraphQL WebSocket (/graphql-ws). Browsers cannot put headers on the upgrade request, so the
 * credentials come in the {@code connection_init} payload: {@code {"Authorization": "Bearer <jwt>"}}, or with
 * the demo users {@code "Basic <base64 of user:password>"} ({@code authorization} in lower case works too). They
 * are checked by the same means as on /graphql (the JWT decoder and Keycloak role mapping, or the demo users'
 * passwords); missing or wrong credentials fail the initialisation and Spring for GraphQL closes the socket with
 * 4401. Spring for GraphQL's base interceptor keeps the person in the socket's attributes and restores them as the
 * security context of every operation on the socket. Its ready-made AuthenticationWebSocketInterceptor takes only
 * Bearer tokens and cannot be extended, so this one adds what Tandem needs on top of the base: the demo users'
 * Basic credentials, and the expiry rule — once a JWT has expired, new operations on the socket run
 * unauthenticated (and are refused); the client reconnects with a fresh token.
 */
@Component
class WebSocketAuthentication extends AbstractAuthenticationWebSocketInterceptor {

    /** The key SecurityContextThreadLocalAccessor reads and writes. */
    private static final String CONTEXT_KEY = SecurityContext.class.getName();

    private final AuthenticationManager authentication;
    private final SecurityProperties properties;
    private final Clock clock;

    WebSocketAuthentication(SecurityProperties properties, UserDetailsService users, ObjectProvider<JwtDecoder> jwtDecoder,
                            Clock clock) {
        super(payload -> Mono.fromCallable(() -> credentials(payload)));
        this.properties = properties;
        this.clock = clock;
        if (properties.demoMode()) {
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
            passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
            this.authentication = new ProviderManager(passwords);
        } else {
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(jwtDecoder.getObject());
            tokens.setJwtAuthenticationConverter(SecurityConfig.keycloakRoles(properties));
            this.authentication = new ProviderManager(tokens);
        }
    }

    @Override
    protected Mono<Authentication> authenticate(Authentication credentials) {
        return Mono.fromCallable(() -> authentication.authenticate(credentials));
    }

    @Override
    protected ContextView getContextToWrite(SecurityContext signedIn) {
        boolean valid = signedIn != null && !expired(signedIn.getAuthentication());
        return Context.of(CONTEXT_KEY, valid ? signedIn : SecurityContextHolder.createEmptyContext());
    }

    private static Authentication credentials(Map<String, Object> payload) {
        Object header = payload == null ? null : payload.getOrDefault("Authorization", payload.get("authorization"));
        if (!(header instanceof String value) || value.isBlank()) {
            throw new BadCredentialsException("connection_init carries no Authorization");
        }
        String text = value.strip();
        if (text.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new BearerTokenAuthenticationToken(text.substring(7).strip());
        }
        if (text.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(text.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new BadCredentialsException("Basic credentials are not user:password");
            }
            return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        throw new BadCredentialsException("Authorization must be Bearer or Basic");
    }

    private boolean expired(Authentication person) {
        return person instanceof JwtAuthenticationToken jwt && jwt.getToken().getExpiresAt() != null
                && jwt.getToken().getExpiresAt().plus(properties.clockSkew()).isBefore(clock.instant());
    }
}
