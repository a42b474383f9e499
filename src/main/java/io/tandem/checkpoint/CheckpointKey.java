package io.tandem.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key Tandem signs checkpoints with (the JDK's own EdDSA). It lives in a file,
 * {@code TANDEM_CHECKPOINT_KEY_FILE} (default: checkpoint-key in the data folder): two lines, "private " and the
 * PKCS#8 key in base64, "public " and the X.509 key in base64. A missing file is created with a new key, readable by
 * its owner only, unless {@code tandem.checkpoints.create-missing-key} is false, as in the production profile: a
 * deployment's replicas must all sign with one key that outlives their pods, so there the file is given (the Helm chart
 * mounts it from a Secret) and a missing one stops the start.
 */
@Component
public class CheckpointKey {

    public static final String ALGORITHM = "Ed25519";
    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    CheckpointKey(@Value("${tandem.checkpoints.key-file}") Path file,
                  @Value("${tandem.checkpoints.create-missing-key}") boolean createMissing) {
        // notExists, not !exists: a file that cannot be looked at is a read error, never replaced with a new key
        boolean missing = Files.notExists(file);
        if (missing && !createMissing) {
            throw new IllegalStateException("There is no checkpoint key " + file.toAbsolutePath()
                    + " (TANDEM_CHECKPOINT_KEY_FILE), and Tandem creates none (tandem.checkpoints.create-missing-key is"
                    + " false, as in the production profile): every replica must sign with the same key, one that outlives"
                    + " the pods. Create the file and mount it (Helm: checkpoints.keySecret), see docs/operations.md,"
                    + " \"The checkpoint key\".");
        }
        KeyPair pair = missing ? created(file) : read(file);
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    /** The public key, X.509 (SubjectPublicKeyInfo) in base64: what a client verifies checkpoints with. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    String sign(String payload) {
        return signature(privateKey, payload);
    }

    private static String signature(PrivateKey privateKey, String payload) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a checkpoint", e);
        }
    }

    boolean verifies(String payload, String signature) {
        return verifies(publicKey(), payload, signature);
    }

    /** Whether the signature (base64) is this public key's (X.509, base64) over the payload; false for anything malformed. */
    public static boolean verifies(String publicKey, String payload, String signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(key);
            check.update(payload.getBytes(StandardCharsets.UTF_8));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static KeyPair read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(decoded(lines, "private ", file)));
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(decoded(lines, "public ", file)));
            // a file put together by hand could pair keys that do not belong together: no checkpoint would verify
            String probe = "tandem-checkpoint-key-check";
            if (!verifies(Base64.getEncoder().encodeToString(publicKey.getEncoded()), probe, signature(privateKey, probe))) {
                throw new IllegalStateException("The checkpoint key " + file + " has a public key that is not its private"
                        + " key's: no checkpoint signed with it would verify");
            }
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The checkpoint key " + file + " is not an Ed25519 key pair in Tandem's format"
                    + " (lines \"private <PKCS#8, base64>\" and \"public <X.509, base64>\")", e);
        }
    }

    private static byte[] decoded(List<String> lines, String prefix, Path file) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Base64.getDecoder().decode(l.substring(prefix.length()).strip()))
                .orElseThrow(() -> new IllegalArgumentException("no line starting with '" + prefix + "' in " + file));
    }

    private static KeyPair created(Path file) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path written = Files.createTempFile(folder, "checkpoint-key", ".new");
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(written, "private " + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + "public " + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Created a new checkpoint signing key in {}", file.toAbsolutePath());
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519", e);
        }
    }
}
