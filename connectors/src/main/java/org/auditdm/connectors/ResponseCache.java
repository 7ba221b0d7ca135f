package org.auditdm.connectors;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.auditdm.api.Answer;

/**
 * Answers already obtained from a target, kept across runs so that a rerun makes no remote calls. Keys are
 * {@link #key SHA-256 digests} of the target's settings key, the image's content hash and the question.
 * Only answers are cached, never failures. Implementations are thread-safe.
 */
public interface ResponseCache extends AutoCloseable {
    /** The cached answer for {@code key}, if any. */
    Optional<Answer> get(String key);

    /**
     * Stores an answer. {@code targetId}, {@code imageSha256} and {@code question} are kept next to it for
     * people reading the cache; only {@code key} is used for look-ups.
     */
    void put(String key, String targetId, String imageSha256, String question, Answer answer);

    /** Entries currently known. */
    int size();

    @Override
    void close();

    /** A cache that keeps nothing. */
    static ResponseCache none() {
        return NoCache.INSTANCE;
    }

    /**
     * Opens a cache at {@code path}: a single append-only JSONL file if the name ends in {@code .jsonl},
     * otherwise a directory with one JSON file per entry. Either is created if missing.
     */
    static ResponseCache open(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".jsonl")
                ? JsonlResponseCache.open(path)
                : DirectoryResponseCache.open(path);
    }

    /**
     * The cache key: hex SHA-256 over the three parts, each preceded by its length, so that no two
     * different triples share a key.
     *
     * @param targetKey the target's id and every setting that can change its answers
     * @param imageSha256 {@link org.auditdm.api.Picture#sha256()}
     * @param question the question text, exactly
     */
    static String key(String targetKey, String imageSha256, String question) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {targetKey, imageSha256, question}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cache that keeps nothing. */
    enum NoCache implements ResponseCache {
        INSTANCE;

        @Override
        public Optional<Answer> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, String targetId, String imageSha256, String question, Answer answer) {
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
