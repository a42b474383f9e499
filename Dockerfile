# The image helm/tandem runs. Build: docker build -t tandem:0.1.0 .
# (Not built by CI: there is no container engine there; the chart's tests check the manifests only.)

# --- build stage: the Spring Boot jar -------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
COPY bpmn bpmn
COPY graphql-schema graphql-schema
# -Dmdep.skip: the Keycloak zip that only the end-to-end tests use is not unpacked. -Dtandem.image: no PostgreSQL
# binaries for the embedded database, which the production profile refuses to start.
RUN ./mvnw -B -DskipTests -Dmdep.skip=true -Dtandem.image package \
 && cp target/tandem-*.jar /src/tandem.jar

# --- runtime stage: a JRE and the jar, run as an unprivileged user --------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 tandem \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin tandem
WORKDIR /app
COPY --from=build /src/tandem.jar /app/tandem.jar
# Writable even with a read-only root filesystem (the chart mounts an emptyDir on /tmp). Only the
# embedded database, which runs when TANDEM_DB_URL is empty, would write here.
ENV TANDEM_DATA_DIR=/tmp/tandem
USER 10001:10001
# 8080: GraphQL, the engine's web apps (PORT); 8081: health and Prometheus metrics (MANAGEMENT_PORT).
EXPOSE 8080 8081
# The parallel collector: 1.086x and, with the JVMs' roles swapped, 1.037x the pages/s of G1 (BENCHMARKS.md, "Tuning").
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/app/tandem.jar"]
