package io.tandem.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the real {@code helm lint --strict} and {@code helm template} (the binary ships in helm-java) on
 * helm/tandem, parses what it renders into typed Kubernetes objects and checks them against what the
 * application really serves and reads (src/main/resources/application*.yml).
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/tandem");
    static final Path RESOURCES = Path.of("src/main/resources");

    /** The health groups the application serves on its management port. */
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    static final Set<String> SECRET_ENV = Set.of("TANDEM_DB_USER", "TANDEM_DB_PASSWORD", "TANDEM_DB_MIGRATION_USER",
            "TANDEM_DB_MIGRATION_PASSWORD", "TANDEM_CAMUNDA_CLIENT_SECRET", "TANDEM_DIRECTORY_CLIENT_SECRET");

    static final String DB_URL = "jdbc:postgresql://tandem-db:5432/tandem";
    static final String ISSUER = "https://keycloak.example.com/realms/tandem";
    static final String CHECKPOINT_KEY_SECRET = "tandem-checkpoint-key";

    /** What an operator running several replicas behind an Ingress would write. */
    static final String PRODUCTION_VALUES = """
            image:
              repository: registry.example.com/tandem
              tag: "0.1.0"
            replicaCount: 3
            database:
              url: jdbc:postgresql://tandem-db-rw:5432/tandem
              poolSize: 15
              credentialsSecret:
                name: tandem-db-app
                userKey: username
                passwordKey: password
              migrationCredentialsSecret:
                name: tandem-db-owner
                userKey: user
                passwordKey: password
            oidc:
              issuerUri: https://keycloak.example.com/realms/tandem
              audience: tandem-api
              camundaClientSecret:
                name: tandem-oidc
                key: camunda-client-secret
            checkpoints:
              keySecret:
                name: tandem-checkpoints
                key: signing-key
            directory:
              keycloak:
                enabled: true
                clientSecret:
                  name: tandem-oidc
                  key: directory-client-secret
            graphql:
              maxDepth: 10
              maxComplexity: 1500
            camunda:
              historyLevel: full
              jobExecutor:
                lockTimeMillis: 1200000
            ingress:
              enabled: true
              className: nginx
              hosts:
                - host: tandem.example.com
                  paths:
                    - path: /
                      pathType: Prefix
              tls:
                - secretName: tandem-tls
                  hosts: [tandem.example.com]
            autoscaling:
              enabled: true
              minReplicas: 3
              maxReplicas: 8
            podDisruptionBudget:
              enabled: true
              maxUnavailable: null
              minAvailable: 2
            """;

    enum Values { DEFAULT, PRODUCTION }

    static Helm helm;
    static Path productionValues;
    /** From application.yml: server.port, management.server.port, spring.lifecycle.timeout-per-shutdown-phase. */
    static int serverPort;
    static int managementPort;
    static int shutdownPhaseSeconds;
    static Set<String> knownEnv;
    /** From application.yml: the variable that names tandem.checkpoints.key-file. */
    static String checkpointKeyFileEnv;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        helm = new Helm(CHART);
        productionValues = Files.writeString(tmp.resolve("production-values.yaml"), PRODUCTION_VALUES);

        String applicationYml = Files.readString(RESOURCES.resolve("application.yml"));
        serverPort = Integer.parseInt(find(applicationYml, "port:\\s*\\$\\{PORT:(\\d+)}"));
        managementPort = Integer.parseInt(find(applicationYml, "port:\\s*\\$\\{MANAGEMENT_PORT:(\\d+)}"));
        assertThat(find(applicationYml, "(?m)^\\s+shutdown:\\s*(\\w+)")).as("server.shutdown").isEqualTo("graceful");
        shutdownPhaseSeconds = Integer.parseInt(find(applicationYml, "timeout-per-shutdown-phase:\\s*(\\d+)s"));
        assertThat(find(applicationYml, "(?s)probes:\\s*enabled:\\s*(\\w+)")).as("health probes").isEqualTo("true");
        checkpointKeyFileEnv = find(applicationYml, "key-file:\\s*\\$\\{([A-Z_]+):");
        // which is why the chart always needs the key's Secret: the production profile never creates a key
        assertThat(find(Files.readString(RESOURCES.resolve("application-production.yml")), "create-missing-key:\\s*(\\w+)"))
                .as("the production profile's tandem.checkpoints.create-missing-key").isEqualTo("false");
        knownEnv = environmentVariablesTheApplicationReads();
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("application.yml matches %s", regex).isTrue();
        return m.group(1);
    }

    /** Every ${NAME...} placeholder in application*.yml, plus the names Spring Boot and the JVM read themselves. */
    static Set<String> environmentVariablesTheApplicationReads() throws IOException {
        Set<String> names = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE", "PORT", "MANAGEMENT_PORT", "JAVA_TOOL_OPTIONS"));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        try (Stream<Path> files = Files.list(RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                Matcher m = placeholder.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).contains("TANDEM_DB_URL", "TANDEM_DB_PASSWORD", "TANDEM_HISTORY_LEVEL");
        return names;
    }

    // --- rendering -------------------------------------------------------------------------------------

    static TemplateCommand template(Values values) {
        TemplateCommand command = helm.template().withName("tandem").withNamespace("tandem");
        return switch (values) {
            case DEFAULT -> command.set("database.url", DB_URL).set("oidc.issuerUri", ISSUER)
                    .set("checkpoints.keySecret.name", CHECKPOINT_KEY_SECRET);
            case PRODUCTION -> command.withValuesFile(productionValues);
        };
    }

    static Rendered render(Values values) {
        return Rendered.parse(template(values).call());
    }

    /** The typed objects of one helm template run. */
    record Rendered(List<HasMetadata> objects) {

        static Rendered parse(String yaml) {
            KubernetesSerialization serialization = new KubernetesSerialization();
            List<HasMetadata> objects = new ArrayList<>();
            for (String document : yaml.split("(?m)^---\\s*$")) {
                if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                    continue;
                }
                Object parsed = serialization.unmarshal(document);
                assertThat(parsed).as("a typed Kubernetes object:%n%s", document).isInstanceOf(HasMetadata.class);
                objects.add((HasMetadata) parsed);
            }
            return new Rendered(objects);
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            assertThat(found).as("exactly one %s", type.getSimpleName()).hasSize(1);
            return found.get(0);
        }

        Deployment deployment() {
            return one(Deployment.class);
        }

        PodSpec pod() {
            return deployment().getSpec().getTemplate().getSpec();
        }

        Container container() {
            assertThat(pod().getContainers()).hasSize(1);
            return pod().getContainers().get(0);
        }

        /** The container's environment: the ConfigMap it loads whole, then its own env entries. */
        Map<String, EnvVar> environment() {
            Map<String, EnvVar> env = new LinkedHashMap<>();
            ConfigMap configMap = one(ConfigMap.class);
            assertThat(container().getEnvFrom()).singleElement()
                    .satisfies(from -> assertThat(from.getConfigMapRef().getName()).isEqualTo(configMap.getMetadata().getName()));
            configMap.getData().forEach((name, value) -> env.put(name, new EnvVar(name, value, null)));
            for (EnvVar var : container().getEnv()) {
                assertThat(env.put(var.getName(), var)).as("%s set twice", var.getName()).isNull();
            }
            return env;
        }

        int containerPort(IntOrString port) {
            if (port.getIntVal() != null) {
                return port.getIntVal();
            }
            return container().getPorts().stream()
                    .filter(p -> port.getStrVal().equals(p.getName()))
                    .map(ContainerPort::getContainerPort)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
        }

        int replicas() {
            List<HorizontalPodAutoscaler> hpa = all(HorizontalPodAutoscaler.class);
            return hpa.isEmpty() ? deployment().getSpec().getReplicas() : hpa.get(0).getSpec().getMinReplicas();
        }
    }

    // --- lint --------------------------------------------------------------------------------------------

    @Test
    void lintStrictPasses() {
        LintResult result = helm.lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void lintStrictFailsForValuesTheSchemaRefuses() throws IOException {
        Path chart = copyChart(tmp.resolve("bad-replicas"));
        Path values = chart.resolve("values.yaml");
        String text = Files.readString(values);
        assertThat(text).contains("replicaCount: 1\n");
        Files.writeString(values, text.replace("replicaCount: 1\n", "replicaCount: \"two\"\n"));

        LintResult result = new Helm(chart).lint().strict().call();
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("replicaCount");
    }

    @Test
    void templateRefusesValuesTheSchemaRefuses() {
        assertThatThrownBy(() -> template(Values.DEFAULT).set("replicaCount", "two").call()).hasMessageContaining("replicaCount");
        // additionalProperties: false at the top level catches misspelt keys.
        assertThatThrownBy(() -> template(Values.DEFAULT).set("replicas", 3).call()).hasMessageContaining("replicas");
        assertThatThrownBy(() -> template(Values.DEFAULT).set("database.url", "postgres://db/tandem").call())
                .hasMessageContaining("database.url");
    }

    @Test
    void templateRequiresADatabaseUrlAndAnIssuer() {
        assertThatThrownBy(() -> helm.template().set("oidc.issuerUri", ISSUER).call())
                .hasMessageContaining("database.url is required");
        assertThatThrownBy(() -> helm.template().set("database.url", DB_URL).call())
                .hasMessageContaining("oidc.issuerUri is required");
    }

    @Test
    void templateRequiresACheckpointKeySecretForAnyNumberOfReplicas() {
        // One replica too: its only data folder is an emptyDir, a key made there would change with every pod.
        assertThatThrownBy(() -> template(Values.DEFAULT).set("checkpoints.keySecret.name", "").call())
                .hasMessageContaining("checkpoints.keySecret.name is required");
        assertThatThrownBy(() -> template(Values.DEFAULT).set("checkpoints.keySecret.name", "").set("replicaCount", 3).call())
                .hasMessageContaining("checkpoints.keySecret.name is required");
        // autoscaled
        assertThatThrownBy(() -> template(Values.PRODUCTION).set("checkpoints.keySecret.name", "").call())
                .hasMessageContaining("checkpoints.keySecret.name is required");
        assertThatThrownBy(() -> template(Values.DEFAULT).set("checkpoints.keySecret.key", "").call())
                .hasMessageContaining("checkpoints.keySecret.key");
    }

    // --- what is rendered --------------------------------------------------------------------------------

    @Test
    void defaultValuesRenderOneReplicaWithoutIngressOrAutoscaler() {
        Rendered rendered = render(Values.DEFAULT);

        assertThat(rendered.objects()).extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder("Deployment", "Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget");
        assertThat(rendered.deployment().getSpec().getReplicas()).isEqualTo(1);
        assertThat(rendered.container().getImage()).isEqualTo("tandem:0.1.0");
        assertThat(rendered.pod().getServiceAccountName()).isEqualTo(rendered.one(ServiceAccount.class).getMetadata().getName());
        assertThat(rendered.environment()).doesNotContainKeys(SECRET_ENV.toArray(String[]::new));
        assertThat(rendered.environment().get("TANDEM_DB_URL").getValue()).isEqualTo(DB_URL);
    }

    @Test
    void productionValuesRenderAutoscaledReplicasBehindAnIngress() {
        Rendered rendered = render(Values.PRODUCTION);
        Deployment deployment = rendered.deployment();
        Service service = rendered.one(Service.class);

        assertThat(rendered.container().getImage()).isEqualTo("registry.example.com/tandem:0.1.0");
        // The autoscaler owns the replica count.
        assertThat(deployment.getSpec().getReplicas()).isNull();
        HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));

        // The Ingress routes to the Service's HTTP port only, never to the management port.
        Ingress ingress = rendered.one(Ingress.class);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement()
                .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("tandem.example.com"));
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
        assertThat(paths).isNotEmpty().allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
            String portName = path.getBackend().getService().getPort().getName();
            ServicePort target = service.getSpec().getPorts().stream()
                    .filter(p -> p.getName().equals(portName)).findFirst().orElseThrow();
            assertThat(rendered.containerPort(target.getTargetPort())).isEqualTo(serverPort);
        });

        Map<String, EnvVar> env = rendered.environment();
        assertThat(env.get("TANDEM_DB_URL").getValue()).isEqualTo("jdbc:postgresql://tandem-db-rw:5432/tandem");
        assertThat(env.get("TANDEM_OIDC_AUDIENCE").getValue()).isEqualTo("tandem-api");
        assertThat(env.get("TANDEM_GRAPHQL_MAX_DEPTH").getValue()).isEqualTo("10");
        assertThat(env.get("TANDEM_HISTORY_LEVEL").getValue()).isEqualTo("full");
        // Numbers stay plain digits (not 1.2e+06) however large.
        assertThat(env.get("TANDEM_JOB_LOCK_TIME_MILLIS").getValue()).isEqualTo("1200000");
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void probesAndPortsMatchWhatTheApplicationServes(Values values) {
        Rendered rendered = render(values);
        Container container = rendered.container();

        assertThat(container.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactlyInAnyOrder(
                        tuple("http", serverPort),
                        tuple("management", managementPort));
        Map<String, EnvVar> env = rendered.environment();
        assertThat(env.get("PORT").getValue()).isEqualTo(String.valueOf(serverPort));
        assertThat(env.get("MANAGEMENT_PORT").getValue()).isEqualTo(String.valueOf(managementPort));
        assertThat(env.get("SPRING_PROFILES_ACTIVE").getValue()).isEqualTo("production");

        assertProbe(rendered, container.getStartupProbe(), LIVENESS);
        assertProbe(rendered, container.getLivenessProbe(), LIVENESS);
        assertProbe(rendered, container.getReadinessProbe(), READINESS);
        // Startup gets long enough for Flyway and the engine; liveness then takes over.
        Probe startup = container.getStartupProbe();
        assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isGreaterThanOrEqualTo(120);

        // Prometheus scrapes the management port.
        assertThat(rendered.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/port", String.valueOf(managementPort))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");

        Service service = rendered.one(Service.class);
        assertThat(service.getSpec().getSelector())
                .isEqualTo(rendered.deployment().getSpec().getSelector().getMatchLabels());
        assertThat(rendered.deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (ServicePort port : service.getSpec().getPorts()) {
            servicePorts.put(port.getName(), rendered.containerPort(port.getTargetPort()));
        }
        assertThat(servicePorts).containsExactlyInAnyOrderEntriesOf(Map.of("http", serverPort, "management", managementPort));
    }

    static void assertProbe(Rendered rendered, Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(rendered.containerPort(probe.getHttpGet().getPort())).isEqualTo(managementPort);
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void everyEnvironmentVariableIsOneTheApplicationReads(Values values) {
        Set<String> set = render(values).environment().keySet();
        assertThat(set).isNotEmpty();
        assertThat(knownEnv).as("variables the application reads").containsAll(set);
        assertThat(set).contains("TANDEM_DB_URL", "TANDEM_OIDC_ISSUER_URI", "TANDEM_OIDC_AUDIENCE", "TANDEM_HISTORY_LEVEL",
                "TANDEM_GRAPHQL_MAX_DEPTH", "TANDEM_GRAPHQL_MAX_COMPLEXITY", "TANDEM_GRAPHQL_MAX_ALIASES",
                "TANDEM_GRAPHQL_MAX_ROOT_FIELDS", "TANDEM_GRAPHQL_MAX_TOKENS", "TANDEM_GRAPHQL_MAX_REQUEST_SIZE");
        // Every GraphQL limit and job executor setting the application reads is set by the chart.
        assertThat(set).containsAll(knownEnv.stream()
                .filter(n -> n.startsWith("TANDEM_GRAPHQL_MAX_") || n.startsWith("TANDEM_JOB_")).toList());
    }

    @Test
    void secretsAreReferencedNeverInlined() throws IOException {
        Rendered rendered = render(Values.PRODUCTION);

        assertThat(rendered.objects()).extracting(HasMetadata::getKind).doesNotContain("Secret");
        assertThat(rendered.one(ConfigMap.class).getData()).doesNotContainKeys(SECRET_ENV.toArray(String[]::new));
        Map<String, EnvVar> env = new LinkedHashMap<>();
        rendered.container().getEnv().forEach(var -> env.put(var.getName(), var));
        assertThat(env).containsOnlyKeys(SECRET_ENV);
        assertSecretRef(env.get("TANDEM_DB_USER"), "tandem-db-app", "username");
        assertSecretRef(env.get("TANDEM_DB_PASSWORD"), "tandem-db-app", "password");
        // the migration owner comes from a Secret of its own
        assertSecretRef(env.get("TANDEM_DB_MIGRATION_USER"), "tandem-db-owner", "user");
        assertSecretRef(env.get("TANDEM_DB_MIGRATION_PASSWORD"), "tandem-db-owner", "password");
        assertSecretRef(env.get("TANDEM_CAMUNDA_CLIENT_SECRET"), "tandem-oidc", "camunda-client-secret");
        assertSecretRef(env.get("TANDEM_DIRECTORY_CLIENT_SECRET"), "tandem-oidc", "directory-client-secret");

        // values.yaml names Secrets; it has no place for a secret's value.
        String values = Files.readString(CHART.resolve("values.yaml"));
        assertThat(values).doesNotContainPattern("(?im)^\\s*(password|secret|clientSecret)[ \\t]*:[ \\t]*\\S");
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void everyReplicaReadsTheCheckpointKeyFromItsSecretReadOnly(Values values) {
        Rendered rendered = render(values);
        String secret = values == Values.DEFAULT ? CHECKPOINT_KEY_SECRET : "tandem-checkpoints";
        String key = values == Values.DEFAULT ? "checkpoint-key" : "signing-key";

        EnvVar keyFile = rendered.environment().get(checkpointKeyFileEnv);
        assertThat(keyFile).as(checkpointKeyFileEnv).isNotNull();
        Path file = Path.of(keyFile.getValue());
        assertThat(file.isAbsolute()).as("%s is absolute", file).isTrue();
        assertThat(file.startsWith("/tmp")).as("%s is in the pod's own data folder", file).isFalse();

        VolumeMount mount = rendered.container().getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(file.getParent())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted on " + file.getParent()));
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = rendered.pod().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo(secret);
        assertThat(volume.getSecret().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo(key);
            assertThat(item.getPath()).isEqualTo(file.getFileName().toString());
        });
        assertThat(volume.getSecret().getDefaultMode()).as("read-only, for root and the pod's group (fsGroup) only")
                .isEqualTo(0440);
        // the Secret is referenced by name: the chart neither creates it nor holds the key
        assertThat(rendered.objects()).extracting(HasMetadata::getKind).doesNotContain("Secret");
    }

    static void assertSecretRef(EnvVar var, String secret, String key) {
        assertThat(var.getValue()).as("%s has no literal value", var.getName()).isNull();
        assertThat(var.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret);
        assertThat(var.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(Values values) {
        Rendered rendered = render(values);
        PodSpec pod = rendered.pod();
        Container container = rendered.container();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();

        VolumeMount tmpMount = container.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("/tmp is not mounted"));
        assertThat(tmpMount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        Volume tmpVolume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(tmpMount.getName())).findFirst().orElseThrow();
        assertThat(tmpVolume.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
        assertThat(rendered.environment().get("TANDEM_DATA_DIR").getValue()).startsWith("/tmp/");

        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void shutdownIsGracefulWithinTheGracePeriod(Values values) {
        Rendered rendered = render(values);
        Container container = rendered.container();
        List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
        long sleep = Long.parseLong(preStop.get(1));
        assertThat(rendered.pod().getTerminationGracePeriodSeconds()).isGreaterThan(sleep + shutdownPhaseSeconds);
        // A rolling update keeps every ready pod until its replacement is ready.
        assertThat(rendered.deployment().getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();

        assertThatThrownBy(() -> template(values).set("terminationGracePeriodSeconds", 33).call())
                .hasMessageContaining("terminationGracePeriodSeconds");
    }

    // --- the PodDisruptionBudget lets a node drain --------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Values.class)
    void podDisruptionBudgetLetsANodeDrain(Values values) {
        Rendered rendered = render(values);
        PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(rendered.deployment().getSpec().getSelector().getMatchLabels());
        assertThat(evictablePods(pdb, rendered.replicas())).as("pods a drain may evict").isPositive();
    }

    static int evictablePods(PodDisruptionBudget pdb, int replicas) {
        IntOrString max = pdb.getSpec().getMaxUnavailable();
        IntOrString min = pdb.getSpec().getMinAvailable();
        assertThat(max == null).as("exactly one of maxUnavailable and minAvailable").isNotEqualTo(min == null);
        if (max != null) {
            return max.getIntVal() != null ? max.getIntVal() : percentOf(max.getStrVal(), replicas, false);
        }
        int minPods = min.getIntVal() != null ? min.getIntVal() : percentOf(min.getStrVal(), replicas, true);
        return replicas - minPods;
    }

    /** Kubernetes rounds minAvailable percentages up and maxUnavailable percentages down. */
    static int percentOf(String percent, int replicas, boolean roundUp) {
        double exact = Integer.parseInt(percent.replace("%", "")) * replicas / 100.0;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }

    @Test
    void valuesThatWouldBlockADrainAreRefused() {
        assertThatThrownBy(() -> template(Values.DEFAULT).set("podDisruptionBudget.maxUnavailable", 0).call())
                .hasMessageContaining("maxUnavailable");
        assertThatThrownBy(() -> template(Values.DEFAULT).set("podDisruptionBudget.maxUnavailable", "0%").call())
                .hasMessageContaining("maxUnavailable");
        assertThatThrownBy(() -> template(Values.DEFAULT)
                .set("podDisruptionBudget.maxUnavailable", "null").set("podDisruptionBudget.minAvailable", 1).call())
                .hasMessageContaining("minAvailable");
        assertThatThrownBy(() -> template(Values.DEFAULT).set("replicaCount", 3)
                .set("podDisruptionBudget.maxUnavailable", "null").set("podDisruptionBudget.minAvailable", "90%").call())
                .hasMessageContaining("minAvailable");
        // With the autoscaler on, its minimum is what a drain must stay above.
        assertThatThrownBy(() -> template(Values.PRODUCTION).set("podDisruptionBudget.minAvailable", 3).call())
                .hasMessageContaining("minAvailable");
        assertThatThrownBy(() -> template(Values.DEFAULT).set("podDisruptionBudget.minAvailable", 0).call())
                .hasMessageContaining("exactly one");

        // Allowed: minAvailable below the replica count.
        Rendered ok = Rendered.parse(template(Values.DEFAULT).set("replicaCount", 3)
                .set("podDisruptionBudget.maxUnavailable", "null").set("podDisruptionBudget.minAvailable", "50%").call());
        assertThat(evictablePods(ok.one(PodDisruptionBudget.class), ok.replicas())).isEqualTo(1);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    static Path copyChart(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
