package org.auditdm.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.auditdm.api.Answer;

/**
 * A response cache as a directory of small JSON files, {@code ab/abcdef...json} (sharded by the first two
 * hex digits of the key). Each file is written to a temporary name and moved into place, so readers and
 * concurrent processes see whole entries or none.
 */
public final class DirectoryResponseCache implements ResponseCache {
    private final Path dir;

    private DirectoryResponseCache(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) the cache directory. */
    public static DirectoryResponseCache open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create response cache directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("response cache " + dir + " is not a directory");
        }
        return new DirectoryResponseCache(dir);
    }

    private Path fileOf(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    @Override
    public Optional<Answer> get(String key) {
        try {
            return Optional.of(CacheEntry.JSON.readValue(Files.readAllBytes(fileOf(key)), CacheEntry.class).toAnswer());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // An unreadable entry is a miss: the answer is fetched again and the entry rewritten.
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String targetId, String imageSha256, String question, Answer answer) {
        Path f = fileOf(key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), key, ".tmp");
            Files.write(tmp, CacheEntry.JSON.writeValueAsBytes(CacheEntry.of(key, targetId, imageSha256, question, answer)));
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write response cache entry in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int size() {
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "DirectoryResponseCache[" + dir + "]";
    }
}
