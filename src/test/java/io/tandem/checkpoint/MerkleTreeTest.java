package io.tandem.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed Merkle root is RFC 6962's tree hash, and any change to the leaves changes it. */
class MerkleTreeTest {

    @Test
    void theStreamedRootIsRfc6962sTreeHashForEverySize() throws Exception {
        for (int n = 0; n <= 70; n++) {
            List<String> leaves = leaves(n);
            assertThat(streamed(leaves)).as("%d leaves", n).isEqualTo(HexFormat.of().formatHex(reference(leaves)));
        }
    }

    @Test
    void changingReorderingAddingOrDroppingALeafChangesTheRoot() {
        List<String> leaves = leaves(13);
        String root = streamed(leaves);
        for (int i = 0; i < leaves.size(); i++) {
            List<String> changed = new ArrayList<>(leaves);
            changed.set(i, changed.get(i) + "x");
            assertThat(streamed(changed)).as("leaf %d changed", i).isNotEqualTo(root);
        }
        List<String> swapped = new ArrayList<>(leaves);
        swapped.set(0, leaves.get(1));
        swapped.set(1, leaves.get(0));
        assertThat(streamed(swapped)).isNotEqualTo(root);
        assertThat(streamed(leaves.subList(0, 12))).isNotEqualTo(root);
        List<String> more = new ArrayList<>(leaves);
        more.add("extra");
        assertThat(streamed(more)).isNotEqualTo(root);
    }

    private static String streamed(List<String> leaves) {
        MerkleTree tree = new MerkleTree();
        leaves.forEach(tree::add);
        return tree.root();
    }

    /** RFC 6962, 2.1, as written: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two below n. */
    private static byte[] reference(List<String> leaves) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (leaves.isEmpty()) {
            return sha.digest();
        }
        if (leaves.size() == 1) {
            sha.update((byte) 0);
            return sha.digest(leaves.get(0).getBytes(StandardCharsets.UTF_8));
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        byte[] left = reference(leaves.subList(0, k));
        byte[] right = reference(leaves.subList(k, leaves.size()));
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    private static List<String> leaves(int n) {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leaf("bet-" + (i % 3), i, "hash" + i));
        }
        return leaves;
    }
}
