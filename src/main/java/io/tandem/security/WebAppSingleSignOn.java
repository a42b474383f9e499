package io.tandem.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.operaton.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * With an identity provider configured, the engine's web apps have no passwords of their own: people sign in
 * through the same Keycloak (OpenID Connect login), and the engine's container-based authentication takes
 * the signed-in person and their Tandem roles as its user and groups. Tasklist thus acts as the same
 * person, with the same roles, that the gate listeners check. Cockpit and Admin are for the admin role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tandem.security.issuer-uri:}'.isEmpty()")
class WebAppSingleSignOn {

    static final String REGISTRATION = "keycloak";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, JwtDecoder jwtDecoder, SecurityProperties properties,
                                       ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return http.securityMatcher("/camunda/**", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/**", "/camunda/app/cockpit/**",
                                "/camunda/api/cockpit/**").hasRole(Role.ADMIN.group())
                        .requestMatchers("/camunda/**").hasAnyRole(Role.PRODUCT.group(), Role.ENGINEERING.group(), Role.ADMIN.group())
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        // straight to Keycloak: there is no other way to sign in to the web apps
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(withTandemRoles(jwtDecoder,
                                new KeycloakRoles(properties.effectiveRoleClients())))))
                // The engine's web apps bring their own CSRF protection (XSRF-TOKEN cookie and header)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .build();
    }

    /** Resolved on first login, so Tandem starts while the identity provider is still booting. */
    @Bean
    ClientRegistrationRepository clientRegistrations(SecurityProperties properties) {
        Supplier<ClientRegistration> registration = SingletonSupplier.of(() ->
                ClientRegistrations.fromIssuerLocation(properties.issuerUri()).registrationId(REGISTRATION)
                        .clientId(properties.webappClientId()).clientSecret(properties.webappClientSecret())
                        .scope("openid", "profile").build());
        return id -> REGISTRATION.equals(id) ? registration.get() : null;
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // first of all filters, so that the web apps' own security filter already sees the person; it reads the
        // sign-in from the session, and Spring Security still decides what that person may reach
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Roles come from the access token (where Keycloak puts them), checked by the same decoder as the API. */
    private static OidcUserService withTandemRoles(JwtDecoder jwtDecoder, KeycloakRoles roles) {
        OidcUserService delegate = new OidcUserService();
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser user = delegate.loadUser(request);
                List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
                authorities.addAll(roles.of(jwtDecoder.decode(request.getAccessToken().getTokenValue())));
                return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
            }
        };
    }

    /** Instantiated by the web apps' filter: the signed-in person and their roles as the engine's user and groups. */
    public static class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = signedIn(request);
            if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
                return AuthenticationResult.unsuccessful();
            }
            List<Role> roles = new ArrayList<>();
            authentication.getAuthorities().forEach(a -> Role.fromAuthority(a.getAuthority()).ifPresent(roles::add));
            List<String> groups = EngineIdentities.groupsOf(roles);
            provision(request, authentication, groups);
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            result.setGroups(groups);
            return result;
        }

        /** the engine's web apps only accept people its identity service knows, with the groups it holds for them. */
        private static void provision(HttpServletRequest request, Authentication authentication, List<String> groups) {
            String first = null;
            String last = null;
            String email = null;
            if (authentication.getPrincipal() instanceof OidcUser oidc) {
                first = oidc.getGivenName();
                last = oidc.getFamilyName();
                email = oidc.getEmail();
            }
            WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext()).getBean(EngineIdentities.class)
                    .remember(authentication.getName(), first, last, email, groups);
        }

        private static Authentication signedIn(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context) {
                return context.getAuthentication();
            }
            return SecurityContextHolder.getContext().getAuthentication();
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // Spring Security has already sent anyone not signed in to the login page
        }
    }
}
