package io.tandem.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tandem.graphql.GlobalId;
import io.tandem.support.GraphQlTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The decision log's export for auditors and the offline check: an auditor downloads a bet's log (or a period's),
 * keeps a checkpoint and the public key, and verifies the export with Tandem out of the picture; an edited export, or
 * a checkpoint checked with another key, fails and says why.
 */
class LogExportTest extends GraphQlTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private Checkpoints checkpoints;

    @TempDir
    Path files;

    @Test
    void anAuditorVerifiesABetsExportAgainstAKeptCheckpointOfflineAndAnEditedExportFails() throws Exception {
        String bet = driver.createBet("priya");
        driver.commit(bet);
        assertThat(checkpoints.write()).isPresent();
        Path checkpoint = keptCheckpoint();
        Path key = publicKey();

        String exported = export("?betId=" + bet);
        List<String> lines = exported.lines().toList();
        assertThat(JSON.readTree(lines.get(0)).path("export").path("format").asText()).isEqualTo("tandem-decision-log-v1");
        assertThat(lines).filteredOn(l -> l.startsWith("{\"entry\"")).hasSize(driver.decisionKinds(bet).size());
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"leaf\""));
        Path file = Files.writeString(files.resolve("export.jsonl"), exported);

        OfflineCheck.Result ok = OfflineCheck.check(file, checkpoint, key);
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(ok.message()).startsWith(driver.decisionKinds(bet).size() + " entries of 1 bet(s) verified");
        assertThat(offlineCommand(file, checkpoint, key)).as("the command, in a JVM of its own, exits 0").isZero();

        Path edited = Files.write(files.resolve("edited.jsonl"), edit(lines, 2, "rationale", "It was always the plan"));
        OfflineCheck.Result caught = OfflineCheck.check(edited, checkpoint, key);
        assertThat(caught.ok()).isFalse();
        assertThat(caught.message()).startsWith("entry 2 of bet").endsWith("no longer matches its hash: its content was changed");
        assertThat(offlineCommand(edited, checkpoint, key)).isEqualTo(1);

        Path otherKey = Files.writeString(files.resolve("other-key.txt"), Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));
        assertThat(OfflineCheck.check(file, checkpoint, otherKey).message())
                .isEqualTo("the checkpoint's signature does not verify with this public key");
    }

    @Test
    void aPeriodExportsEveryBetsEntriesRecordedInIt() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String one = driver.createBet("priya");
        driver.passFraming(one);
        String two = driver.createBet("paul");
        driver.passFraming(two);
        assertThat(checkpoints.write()).isPresent();
        Instant to = Instant.now().plus(1, ChronoUnit.SECONDS);

        Path file = Files.writeString(files.resolve("period.jsonl"), export("?from=" + from + "&to=" + to));

        OfflineCheck.Result ok = OfflineCheck.check(file, keptCheckpoint(), publicKey());
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(Files.readAllLines(file)).filteredOn(l -> l.startsWith("{\"entry\""))
                .anySatisfy(l -> assertThat(l).contains(betUuid(one))).anySatisfy(l -> assertThat(l).contains(betUuid(two)));
    }

    @Test
    void aBadRequestIsRefusedWithAMessageAndNobodyExportsWithoutSigningIn() {
        http().get().uri("/exports/decision-log").headers(h -> h.setBasicAuth("lena", "lena")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("Give betId"));
        http().get().uri("/exports/decision-log?from=yesterday&to=today").headers(h -> h.setBasicAuth("lena", "lena")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("ISO-8601"));
        http().get().uri("/exports/decision-log?betId=QmV0Om5vLXN1Y2gtYmV0").headers(h -> h.setBasicAuth("lena", "lena"))
                .exchange().expectStatus().isNotFound();
        http().get().uri("/exports/decision-log?betId=x").exchange().expectStatus().isUnauthorized();
    }

    private String export(String query) {
        return http().get().uri("/exports/decision-log" + query).headers(h -> h.setBasicAuth("lena", "lena")).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** latestCheckpoint as a client keeps it: the whole answer, payload included. */
    private Path keptCheckpoint() throws Exception {
        Map<?, ?> kept = as("lena").document("{ latestCheckpoint { at size root signature payload } }").execute()
                .path("latestCheckpoint").entity(Map.class).get();
        return Files.writeString(files.resolve("checkpoint-" + System.nanoTime() + ".json"), JSON.writeValueAsString(kept));
    }

    private Path publicKey() throws Exception {
        String key = as("lena").document("{ checkpointKey { publicKey } }").execute().path("checkpointKey.publicKey")
                .entity(String.class).get();
        return Files.writeString(files.resolve("key.txt"), key + "\n");
    }

    private static List<String> edit(List<String> lines, int sequence, String field, String value) throws Exception {
        List<String> edited = new ArrayList<>();
        for (String line : lines) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            if (node.has("entry") && node.path("entry").path("sequence").asInt() == sequence) {
                ((ObjectNode) node.get("entry")).put(field, value);
                line = JSON.writeValueAsString(node);
            }
            edited.add(line);
        }
        return edited;
    }

    /** The offline check as an auditor runs it: a JVM of its own with nothing of Tandem's running. */
    private static int offlineCommand(Path export, Path checkpoint, Path key) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OfflineCheck.class.getName(), export.toString(), checkpoint.toString(),
                key.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static String betUuid(String bet) {
        return GlobalId.require("Bet", bet, "betId").toString();
    }
}
