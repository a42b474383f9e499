package io.tandem.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.decision.ChainRewrite;
import io.tandem.decision.DecisionLog;
import io.tandem.graphql.GlobalId;
import io.tandem.support.BetDriver;
import io.tandem.support.SecondInstances;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed checkpoints of the decision log, as a client keeps and uses them: the signature verifies with the published
 * key, the log extends a kept checkpoint as it grows, a chain rewritten consistently inside the database (which the
 * chain alone still calls valid) is named at its first rewritten entry, and a forged checkpoint is refused.
 */
class CheckpointTest {

    private static final String CHECKPOINT = "{ latestCheckpoint { at size root signature payload } checkpointKey { algorithm publicKey } }";
    private static final String VERIFY = "query($bet: ID, $checkpoint: KeptCheckpointInput) { verifyDecisionLog(betId: $bet,"
            + " checkpoint: $checkpoint) { valid entriesChecked firstBrokenSequence problem betId extendsCheckpoint } }";

    /** A database of its own: the whole log is checked, and other tests tamper with theirs. */
    @RegisterExtension
    static final SecondInstances tandem = SecondInstances.onAFreshDatabase("checkpoints");
    private static final BetDriver driver = tandem.driver();

    @Test
    void aKeptCheckpointCatchesAChainRewrittenConsistentlyInsideTheDatabase() throws Exception {
        String rewritten = driver.createBet("priya");
        driver.commit(rewritten);
        String untouched = driver.createBet("priya");
        driver.passFraming(untouched);
        assertThat(tandem.bean(Checkpoints.class).write()).isPresent();

        Map<String, Object> kept = latestCheckpoint("lena");
        String publicKey = (String) publicKey("lena").get("publicKey");
        assertThat(signedBy(publicKey, (String) kept.get("payload"), (String) kept.get("signature")))
                .as("the checkpoint verifies with the published key, outside Tandem").isTrue();
        assertThat((String) kept.get("payload")).isEqualTo("tandem-checkpoint-v1\n" + kept.get("at") + "\n" + kept.get("size")
                + "\n" + kept.get("root") + "\n");
        Map<String, Object> input = input(kept);
        assertThat(verify(null, input)).containsEntry("valid", true).containsEntry("extendsCheckpoint", true)
                .containsEntry("entriesChecked", kept.get("size"));

        driver.proposeTwoOptions(untouched);
        driver.passFraming(driver.createBet("paul"));
        assertThat(verify(null, input)).as("a log that grew still extends it").containsEntry("valid", true);

        ChainRewrite.rewrite(tandem.ownerDataSource(), tandem.bean(DecisionLog.class), GlobalId.require("Bet", rewritten, "betId"), 2, "It was always the plan");

        assertThat(verify(rewritten, null)).as("the chain alone cannot tell").containsEntry("valid", true);
        assertThat(verify(rewritten, input)).containsEntry("valid", false).containsEntry("extendsCheckpoint", false)
                .containsEntry("betId", rewritten).containsEntry("firstBrokenSequence", 2)
                .hasEntrySatisfying("problem", p -> assertThat((String) p).startsWith("Entry 2 was rewritten"));
        assertThat(verify(null, input)).as("the whole log names the bet").containsEntry("valid", false)
                .containsEntry("betId", rewritten).containsEntry("firstBrokenSequence", 2);
        assertThat(verify(untouched, input)).containsEntry("valid", true).containsEntry("extendsCheckpoint", true);
    }

    @Test
    void aForgedOrEditedCheckpointIsRefused() throws Exception {
        driver.passFraming(driver.createBet("priya"));
        assertThat(tandem.bean(Checkpoints.class).write()).isPresent();
        Map<String, Object> kept = input(latestCheckpoint("ivan"));

        Map<String, Object> otherRoot = new HashMap<>(kept);
        otherRoot.put("root", "0".repeat(64));
        Map<String, Object> smaller = new HashMap<>(kept);
        smaller.put("size", ((Number) kept.get("size")).intValue() - 1);
        Map<String, Object> otherKey = new HashMap<>(kept);
        otherKey.put("signature", signedWithAnotherKey(new Checkpoint(Instant.parse((String) kept.get("at")),
                ((Number) kept.get("size")).longValue(), (String) kept.get("root"), "").payload()));

        for (Map<String, Object> forged : List.of(otherRoot, smaller, otherKey)) {
            tandem.as("ivan").document(VERIFY).variable("checkpoint", forged).execute().errors()
                    .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getMessage()).contains("does not verify with Tandem's key");
                    }));
        }
        tandem.as("ivan").document(VERIFY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("Give betId, or a checkpoint")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> latestCheckpoint(String user) {
        return tandem.as(user).document(CHECKPOINT).execute().path("latestCheckpoint").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> publicKey(String user) {
        Map<String, Object> key = tandem.as(user).document(CHECKPOINT).execute().path("checkpointKey").entity(Map.class).get();
        assertThat(key).containsEntry("algorithm", "Ed25519");
        return key;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verify(String bet, Map<String, Object> checkpoint) {
        return tandem.as("ivan").document(VERIFY).variable("bet", bet).variable("checkpoint", checkpoint).execute()
                .path("verifyDecisionLog").entity(Map.class).get();
    }

    private static Map<String, Object> input(Map<String, Object> checkpoint) {
        return Map.of("at", checkpoint.get("at"), "size", checkpoint.get("size"), "root", checkpoint.get("root"),
                "signature", checkpoint.get("signature"));
    }

    private static boolean signedBy(String publicKey, String payload, String signature) throws Exception {
        Signature check = Signature.getInstance("Ed25519");
        check.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        check.update(payload.getBytes(StandardCharsets.UTF_8));
        return check.verify(Base64.getDecoder().decode(signature));
    }

    private static String signedWithAnotherKey(String payload) throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(payload.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }
}
