package io.tandem.bench;

import io.tandem.security.Role;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people of the write benchmark: {@code bench-p01..} (product) and {@code bench-e01..} (engineering), one
 * pair per concurrent client, plus {@code bench-reader} (leadership). Added to the demo users only in the
 * benchmark's application (test classpath); the bets they drive name no leads, so any product and engineering
 * pair may sign them, and every gate rule still applies (two different people, right role per side).
 *
 * Their passwords are stored as {noop}: HTTP Basic with the demo users' bcrypt hashes costs tens of milliseconds of
 * CPU per request, which production (JWT) never pays; the harness reports that cost on its own ("auth" row).
 *
 * Deliberately not a {@code @Configuration}: it would be component-scanned into every test's application. The
 * benchmark passes it to its {@code SpringApplication} as a source, which processes its {@code @Bean} method.
 */
public class BenchUsers {

    public static final String READER = "bench-reader";
    public static final int MAX_PAIRS = 64;

    public static String product(int pair) {
        return String.format("bench-p%02d", pair + 1);
    }

    public static String engineering(int pair) {
        return String.format("bench-e%02d", pair + 1);
    }

    @Bean
    static BeanPostProcessor benchUsersPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof InMemoryUserDetailsManager manager && manager.userExists("priya")) {
                    for (int i = 0; i < MAX_PAIRS; i++) {
                        add(manager, product(i), Role.PRODUCT);
                        add(manager, engineering(i), Role.ENGINEERING);
                    }
                    add(manager, READER, Role.LEADERSHIP);
                    // Only the lookup: Spring Security would otherwise "upgrade" each {noop} password to bcrypt at
                    // its first login (the manager is also a UserDetailsPasswordService), and every later request
                    // would pay bcrypt again.
                    UserDetailsService lookup = manager::loadUserByUsername;
                    return lookup;
                }
                return bean;
            }
        };
    }

    private static void add(InMemoryUserDetailsManager manager, String id, Role role) {
        manager.createUser(User.withUsername(id).password("{noop}" + id).authorities(role.authority()).build());
    }
}
