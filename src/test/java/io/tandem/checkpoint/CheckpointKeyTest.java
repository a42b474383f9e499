package io.tandem.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The checkpoint key's file: created when missing in the local run, never under the production profile, where a
 * missing one stops the start; a key made with openssl as docs/operations.md shows is read as it is; a file whose two
 * keys do not belong together is refused.
 */
class CheckpointKeyTest {

    /** The commands of docs/operations.md, "The checkpoint key". */
    static final String OPENSSL = """
            (umask 077
             private=$(openssl genpkey -algorithm ed25519 -outform DER | openssl base64 -A)
             public=$(printf %s "$private" | openssl base64 -d -A | openssl pkey -inform DER -pubout -outform DER | openssl base64 -A)
             printf 'private %s\\npublic %s\\n' "$private" "$public" > checkpoint-key)
            """;

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsCreatedForItsOwnerAndReadBackAsTheSameKey() throws IOException {
        Path file = dir.resolve("data/checkpoint-key");
        CheckpointKey created = new CheckpointKey(file, true);

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        CheckpointKey read = new CheckpointKey(file, false);
        assertThat(read.publicKey()).isEqualTo(created.publicKey());
        assertThat(read.verifies("payload", created.sign("payload"))).isTrue();
    }

    @Test
    void aMissingFileStopsTheStartWhenNoKeyMayBeCreated() {
        Path file = dir.resolve("secret/checkpoint-key");

        assertThatThrownBy(() -> new CheckpointKey(file, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("There is no checkpoint key " + file.toAbsolutePath() + " (TANDEM_CHECKPOINT_KEY_FILE)")
                .hasMessageContaining("checkpoints.keySecret");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void onlyTheProductionProfileCreatesNoKey() throws IOException {
        assertThat(createMissingKey("application.yml")).isEqualTo(true);
        assertThat(createMissingKey("application-production.yml")).isEqualTo(false);
    }

    static Object createMissingKey(String file) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        assertThat(sources).hasSize(1);
        return sources.get(0).getProperty("tandem.checkpoints.create-missing-key");
    }

    @Test
    void aKeyMadeWithOpensslIsTheKeyItSignsWith() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v openssl").start().waitFor() == 0, "openssl is installed");
        Process openssl = new ProcessBuilder("sh", "-c", OPENSSL).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        Path file = dir.resolve("checkpoint-key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        CheckpointKey key = new CheckpointKey(file, false);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("public " + key.publicKey());
        assertThat(CheckpointKey.verifies(key.publicKey(), "payload", key.sign("payload"))).isTrue();
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysIsRefused() throws Exception {
        KeyPair one = KeyPairGenerator.getInstance(CheckpointKey.ALGORITHM).generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance(CheckpointKey.ALGORITHM).generateKeyPair();
        Path file = Files.writeString(dir.resolve("checkpoint-key"),
                "private " + Base64.getEncoder().encodeToString(one.getPrivate().getEncoded()) + "\n"
                        + "public " + Base64.getEncoder().encodeToString(other.getPublic().getEncoded()) + "\n");

        assertThatThrownBy(() -> new CheckpointKey(file, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has a public key that is not its private key's");
    }
}
