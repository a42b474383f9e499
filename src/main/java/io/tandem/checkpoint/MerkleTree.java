package io.tandem.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The Merkle tree hash of RFC 6962 (Certificate Transparency) over leaves added in order: a leaf hashes as
 * SHA-256(0x00 || leaf), a node as SHA-256(0x01 || left || right), and n leaves split at the largest power of two below
 * n. Changing, adding, dropping or reordering any leaf changes the root. Leaves stream in: the tree keeps one hash per
 * complete subtree (at most 64), so a log of any size is hashed in constant memory.
 */
public final class MerkleTree {

    private record Subtree(long size, byte[] hash) {
    }

    private final Deque<Subtree> complete = new ArrayDeque<>();
    private long size;

    /** The leaf text of one entry: its bet, its place in the bet's chain, and its hash. */
    public static String leaf(String betId, int sequence, String hash) {
        return betId + ":" + sequence + ":" + hash;
    }

    public void add(String leaf) {
        Subtree subtree = new Subtree(1, hash((byte) 0, leaf.getBytes(StandardCharsets.UTF_8)));
        while (!complete.isEmpty() && complete.peek().size() == subtree.size()) {
            Subtree left = complete.pop();
            subtree = new Subtree(left.size() * 2, node(left.hash(), subtree.hash()));
        }
        complete.push(subtree);
        size++;
    }

    public long size() {
        return size;
    }

    /** The root, in lower-case hex; with no leaves, SHA-256 of nothing. */
    public String root() {
        if (complete.isEmpty()) {
            return HexFormat.of().formatHex(sha256().digest());
        }
        // the complete subtrees, smallest (rightmost) first, fold into the root from the right
        byte[] root = null;
        for (Subtree subtree : complete) {
            root = root == null ? subtree.hash() : node(subtree.hash(), root);
        }
        return HexFormat.of().formatHex(root);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return hash((byte) 1, both);
    }

    private static byte[] hash(byte prefix, byte[] data) {
        MessageDigest digest = sha256();
        digest.update(prefix);
        return digest.digest(data);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
