package org.auditdm.audit.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only JSONL event log of a run. Each event is one line written straight to the file
 * channel (no user-space buffer); commit events are followed by {@link FileChannel#force}, so after a
 * crash, even {@code kill -9} or a power cut, the log holds every committed unit.
 *
 * <p>Reading tolerates what a crash leaves: a last line without its newline (a half-written event)
 * and any events after the last commit are not part of the committed history; {@link #openForAppend}
 * cuts them off before writing on. A damaged line before the last commit is real corruption and is
 * reported with its line number.
 */
public final class EventLog implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private EventLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * What a log holds.
     *
     * @param committed the events up to and including the last commit event
     * @param committedBytes the file length that holds exactly those events
     * @param totalBytes the file's length
     */
    public record Replay(List<RunEvent> committed, long committedBytes, long totalBytes) {
        public Replay {
            committed = List.copyOf(committed);
        }

        public long droppedBytes() {
            return totalBytes - committedBytes;
        }
    }

    /** Reads the committed history of a log file. */
    public static Replay read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event log " + file, e);
        }
        List<RunEvent> committed = new ArrayList<>();
        List<RunEvent> pending = new ArrayList<>();
        long committedBytes = 0;
        int start = 0;
        int line = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                break; // half-written last line: never committed
            }
            line++;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            RunEvent event;
            try {
                event = RunJson.mapper().readValue(text, RunEvent.class);
            } catch (JsonProcessingException e) {
                if (indexOfCommitAfter(bytes, end + 1)) {
                    throw new IllegalStateException("event log " + file + " is damaged at line " + line + ": "
                            + e.getOriginalMessage());
                }
                break; // garbage in the uncommitted tail
            }
            pending.add(event);
            if (event.commits()) {
                committed.addAll(pending);
                pending.clear();
                committedBytes = end + 1;
            }
            start = end + 1;
        }
        return new Replay(committed, committedBytes, bytes.length);
    }

    /**
     * Opens a log for appending after cutting it to {@code length} bytes (its committed part), creating
     * it when missing.
     */
    public static EventLog openForAppend(Path file, long length) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (ch.size() > length) {
                ch.truncate(length);
                ch.force(true);
            }
            ch.position(length);
            return new EventLog(file, ch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open event log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one event; a commit event is forced to disk before this returns. */
    public synchronized void append(RunEvent event) {
        byte[] line;
        try {
            line = (RunJson.mapper().writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event, e);
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (event.commits()) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to event log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close event log " + file, e);
        }
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a well-formed commit event follows: then a bad line before it is corruption, not a crash. */
    private static boolean indexOfCommitAfter(byte[] bytes, int from) {
        int start = from;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                return false;
            }
            try {
                if (RunJson.mapper().readValue(new String(bytes, start, end - start, StandardCharsets.UTF_8),
                        RunEvent.class).commits()) {
                    return true;
                }
            } catch (JsonProcessingException e) {
                // keep looking
            }
            start = end + 1;
        }
        return false;
    }
}
