package io.tandem.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.decision.LoggedEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Verifies an export of the decision log against a checkpoint an auditor kept, without Tandem, its database or its
 * network: {@code OfflineCheck <export.jsonl> <checkpoint.json> <public-key>} (the checkpoint as latestCheckpoint gave
 * it; the public key as checkpointKey gave it, base64, in a file). It checks that the checkpoint's signature is the
 * key's; that the export's first {@code size} leaves hash to the checkpoint's root; that every exported entry still
 * hashes to its hash and links to the entry before it; that each entry the checkpoint covers has the hash it had then;
 * and, for a bet's export, that its entries run from 1 without a gap. Prints "OK: …" and exits 0, or "FAILED: " and
 * the first problem, exiting 1; 2 for wrong arguments or unreadable files.
 */
public final class OfflineCheck {

    /** What the check found: ok, and a sentence saying what was verified or the first problem. */
    public record Result(boolean ok, String message) {
    }

    private OfflineCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: OfflineCheck <export.jsonl> <checkpoint.json> <public-key file>");
            System.exit(2);
        }
        Result result;
        try {
            result = check(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            System.err.println("Cannot read the files: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println((result.ok() ? "OK: " : "FAILED: ") + result.message());
        System.exit(result.ok() ? 0 : 1);
    }

    public static Result check(Path export, Path checkpointFile, Path publicKeyFile) {
        try {
            Checkpoint kept = ExportFormat.JSON.readValue(checkpointFile.toFile(), Checkpoint.class);
            String publicKey = Files.readString(publicKeyFile, StandardCharsets.US_ASCII).strip();
            return check(Files.readAllLines(export, StandardCharsets.UTF_8), kept, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result check(List<String> lines, Checkpoint kept, String publicKey) throws IOException {
        if (!CheckpointKey.verifies(publicKey, kept.payload(), kept.signature())) {
            return failed("the checkpoint's signature does not verify with this public key");
        }
        ExportFormat.Header header = null;
        List<LoggedEntry> entries = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        Map<String, String> covered = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = ExportFormat.JSON.readTree(line);
            if (node.has("export")) {
                header = ExportFormat.JSON.treeToValue(node, ExportFormat.HeaderLine.class).export();
            } else if (node.has("entry")) {
                entries.add(ExportFormat.JSON.treeToValue(node, ExportFormat.EntryLine.class).entry());
            } else if (node.has("leaf") && tree.size() < kept.size()) {
                ExportFormat.Leaf leaf = ExportFormat.JSON.treeToValue(node, ExportFormat.LeafLine.class).leaf();
                tree.add(MerkleTree.leaf(leaf.betId(), leaf.sequence(), leaf.hash()));
                covered.put(leaf.betId() + ":" + leaf.sequence(), leaf.hash());
            }
        }
        if (header == null || !ExportFormat.FORMAT.equals(header.format())) {
            return failed("not an export of Tandem's decision log (" + ExportFormat.FORMAT + ")");
        }
        if (tree.size() < kept.size()) {
            return failed("the export holds " + tree.size() + " of the checkpoint's " + kept.size() + " entries");
        }
        if (!tree.root().equals(kept.root())) {
            return failed("the export's leaves do not hash to the checkpoint's root: the log was rewritten");
        }
        Map<UUID, LoggedEntry> previous = new HashMap<>();
        for (LoggedEntry entry : entries) {
            String where = "entry " + entry.sequence() + " of bet " + entry.betId();
            if (!entry.hashMatches()) {
                return failed(where + " no longer matches its hash: its content was changed");
            }
            LoggedEntry before = previous.get(entry.betId());
            if (before == null && header.betId() != null && entry.sequence() != 1) {
                return failed("the bet's export starts at entry " + entry.sequence() + ", not 1");
            }
            if (before != null && (entry.sequence() != before.sequence() + 1 || !before.hash().equals(entry.previousHash()))) {
                return failed(where + " does not follow entry " + before.sequence() + ": an entry is missing or was replaced");
            }
            if (before == null && entry.sequence() == 1 && entry.previousHash() != null) {
                return failed(where + " is the first of its bet but links to an entry before it");
            }
            String then = covered.get(entry.betId() + ":" + entry.sequence());
            if (then != null && !then.equals(entry.hash())) {
                return failed(where + " is not the entry the checkpoint of " + kept.at() + " covered: it was rewritten");
            }
            previous.put(entry.betId(), entry);
        }
        long checked = entries.stream().filter(e -> covered.containsKey(e.betId() + ":" + e.sequence())).count();
        return new Result(true, entries.size() + " entries of " + previous.size() + " bet(s) verified, " + checked
                + " of them against the checkpoint of " + kept.at() + " (" + kept.size() + " entries, signature valid)");
    }

    private static Result failed(String problem) {
        return new Result(false, problem);
    }
}
