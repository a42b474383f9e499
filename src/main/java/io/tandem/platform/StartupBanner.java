package io.tandem.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Tandem where to go next. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Value("${spring.graphql.graphiql.enabled:false}")
    private boolean graphiql;

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info("Tandem is up. GraphQL: {}/graphql{}  Tasklist: {}/camunda/app/tasklist/", base,
                graphiql ? "  GraphiQL: " + base + "/graphiql" : "", base);
    }
}
