package org.auditdm.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.auditdm.api.Answer;

/**
 * A response cache in one append-only JSONL file: read whole when opened, one line appended per new answer.
 * A line cut short by a crash is skipped on the next open (and a newline is written before appending, so
 * the next entry starts clean); later lines win over earlier ones with the same key.
 */
public final class JsonlResponseCache implements ResponseCache {
    private final Path file;
    private final Map<String, Answer> entries = new ConcurrentHashMap<>();
    private final FileChannel out;
    private int skippedLines;

    private JsonlResponseCache(Path file, FileChannel out) {
        this.file = file;
        this.out = out;
    }

    /** Opens (creating if needed) the cache file. */
    public static JsonlResponseCache open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            JsonlResponseCache c = new JsonlResponseCache(file, ch);
            c.load();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open response cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (String line : new String(all, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                CacheEntry e = CacheEntry.JSON.readValue(line, CacheEntry.class);
                entries.put(e.key(), e.toAnswer());
            } catch (JsonProcessingException | RuntimeException e) {
                skippedLines++;
            }
        }
        if (all.length > 0 && all[all.length - 1] != '\n') {
            out.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
    }

    /** Lines that could not be read when the file was opened (for example one cut short by a crash). */
    public int skippedLines() {
        return skippedLines;
    }

    @Override
    public Optional<Answer> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String targetId, String imageSha256, String question, Answer answer) {
        byte[] line;
        try {
            line = (CacheEntry.JSON.writeValueAsString(CacheEntry.of(key, targetId, imageSha256, question, answer))
                    + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            try {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to response cache " + file + ": " + e.getMessage(), e);
            }
            entries.put(key, answer);
        }
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "JsonlResponseCache[" + file + ", " + entries.size() + " entries]";
    }
}
