package io.tandem.support;

import io.tandem.TandemApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another Tandem started in this JVM, beside the one a Spring test shares. Its engine has a name of its own and no job
 * executor, as a second engine in one JVM must not share the test engine's name or run its jobs; its ports are free
 * ones, as another run on this machine may hold 8080 and 8081; it sends no webhooks unless told to.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it with this engine name and these further arguments ("--name=value"). */
    public static SecondInstance start(String engineName, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=0", "--management.server.port=0", "--operaton.bpm.process-engine-name=" + engineName,
                "--operaton.bpm.job-execution.enabled=false", "--spring.graphql.graphiql.enabled=false"));
        if (all.stream().noneMatch(arg -> arg.startsWith("--tandem.webhooks.send-every="))) {
            // as in every test context: only the webhook tests send webhooks (TandemTest)
            all.add("--tandem.webhooks.send-every=1h");
        }
        // as in every test context: checkpoints are written by the tests that want one (TandemTest), with the tests' key,
        // which whichever context starts first creates, under the production profile too
        all.addAll(List.of("--tandem.checkpoints.check-every=1h", "--tandem.checkpoints.every=1ms",
                "--tandem.checkpoints.key-file=target/test-checkpoint-key", "--tandem.checkpoints.create-missing-key=true"));
        return new SecondInstance(new SpringApplicationBuilder(TandemApplication.class).run(all.toArray(String[]::new)));
    }

    /** A second instance on the tests' shared database, as a replica behind the same load balancer would be. */
    public static SecondInstance onTheTestDatabase(String engineName) {
        List<String> args = new ArrayList<>();
        TestDatabase.register((name, value) -> args.add("--" + name + "=" + value.get()));
        return start(engineName, args.toArray(String[]::new));
    }

    /** A second instance on a fresh database of its own. */
    public static SecondInstance onAFreshDatabase(String engineName) {
        List<String> args = new ArrayList<>();
        TestDatabase.registerFresh((name, value) -> args.add("--" + name + "=" + value.get()));
        return start(engineName, args.toArray(String[]::new));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Its database as the database's owner would connect (what only the owner may do: disable a trigger). */
    public DataSource ownerDataSource() {
        return TestDatabase.ownerDataSource(context.getEnvironment().getRequiredProperty("spring.datasource.url"));
    }

    public WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** Its GraphQL endpoint as a demo user (HTTP Basic, the password being the name). */
    public HttpGraphQlTester as(String user) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port() + "/graphql")
                .defaultHeaders(headers -> headers.setBasicAuth(user, user)).responseTimeout(Duration.ofSeconds(60)).build());
    }

    public BetDriver driver() {
        return new BetDriver(this::as);
    }

    @Override
    public void close() {
        context.close();
    }
}
