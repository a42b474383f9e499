package io.tandem.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Who is on a GraphQL WebSocket (/graphql-ws). Browsers cannot put headers on the upgrade request, so the
 * credentials come in the {@code connection_init} payload: {@code {"Authorization": "Bearer <jwt>"}}, or with
 * the demo users {@code "Basic <base64 of user:password>"} ({@code authorization} in lower case works too). They
 * are checked by the same means as on /graphql (the JWT decoder and Keycloak role mapping, or the demo users'
 * passwords); missing or wrong credentials fail the initialisation and Spring for GraphQL closes the socket with
 * 4401. Every operation on the socket then runs as that person: the security context goes into the Reactor
 * context under the key of Spring Security's SecurityContextThreadLocalAccessor, and Spring for GraphQL restores
 * it as the thread's security context around each data fetcher. Once a JWT has expired, new operations on the
 * socket run unauthenticated (and are refused); the client reconnects with a fresh token.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String ATTRIBUTE = WebSocketAuthentication.class.getName() + ".SECURITY_CONTEXT";
    /** The key SecurityContextThreadLocalAccessor reads and writes. */
    private static final String CONTEXT_KEY = SecurityContext.class.getName();

    private final AuthenticationManager authentication;
    private final SecurityProperties properties;
    private final Clock clock;

    WebSocketAuthentication(SecurityProperties properties, UserDetailsService users, ObjectProvider<JwtDecoder> jwtDecoder,
                            Clock clock) {
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
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        return Mono.fromCallable(() -> authentication.authenticate(credentials(payload)))
                .doOnNext(person -> session.getAttributes().put(ATTRIBUTE, new SecurityContextImpl(person)))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        SecurityContext context = (SecurityContext) socket.getSessionInfo().getAttributes().get(ATTRIBUTE);
        if (context == null || expired(context.getAuthentication())) {
            context = SecurityContextHolder.createEmptyContext();
        }
        return chain.next(request).contextWrite(Context.of(CONTEXT_KEY, context));
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
