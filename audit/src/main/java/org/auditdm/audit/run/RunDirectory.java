package org.auditdm.audit.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.auditdm.api.Finding;

/**
 * A run on disk:
 *
 * <pre>
 * manifest.json    what the run is (see {@link RunManifest})
 * events.jsonl     typed append-only event log (see {@link RunEvent}); the source of truth
 * images/ab/*.png  content-addressed images
 * findings.jsonl   one finding per line: derived from the log, rewritten on resume and completion
 * </pre>
 *
 * Opening an existing run replays its log, drops the uncommitted tail and records the resume, so work
 * continues exactly after the last committed unit. Not thread-safe: one writer per run.
 */
public final class RunDirectory implements AutoCloseable {
    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.jsonl";
    public static final String FINDINGS = "findings.jsonl";
    public static final String IMAGES = "images";

    private final Path dir;
    private final RunManifest manifest;
    private final FileImageStore images;
    private final EventLog log;
    private final Clock clock;
    private final List<RunEvent> committed = new ArrayList<>();
    private final List<RunEvent> pending = new ArrayList<>();
    private final boolean resumed;

    private RunDirectory(Path dir, RunManifest manifest, EventLog log, List<RunEvent> committed, Clock clock,
                         boolean resumed) {
        this.dir = dir;
        this.manifest = manifest;
        this.images = new FileImageStore(dir.resolve(IMAGES));
        this.log = log;
        this.clock = clock;
        this.committed.addAll(committed);
        this.resumed = resumed;
    }

    /**
     * Starts a new run in {@code dir}, or resumes the run already there. Resuming requires the same
     * work ({@link RunManifest#sameWork}): the same config, seeds, seed and model checksums.
     *
     * @throws IllegalArgumentException when {@code dir} holds a different run or something else
     */
    public static RunDirectory createOrResume(Path dir, RunManifest manifest, Clock clock) {
        Objects.requireNonNull(manifest, "manifest");
        if (Files.exists(dir.resolve(MANIFEST))) {
            RunDirectory existing = resume(dir, clock);
            if (!existing.manifest.sameWork(manifest)) {
                existing.close();
                throw new IllegalArgumentException("run directory " + dir + " holds a run with a different "
                        + difference(existing.manifest, manifest) + "; choose another output directory");
            }
            return existing;
        }
        return create(dir, manifest, clock);
    }

    /** Starts a new run; {@code dir} must be missing or empty. */
    public static RunDirectory create(Path dir, RunManifest manifest, Clock clock) {
        try {
            Files.createDirectories(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("output directory " + dir + " is not empty and holds no run");
                }
            }
            writeAtomically(dir.resolve(MANIFEST),
                    RunJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
            Files.createDirectories(dir.resolve(IMAGES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir, e);
        }
        RunDirectory run = new RunDirectory(dir, manifest, EventLog.openForAppend(dir.resolve(EVENTS), 0),
                List.of(), clock, false);
        run.append(new RunEvent.RunStarted(manifest.runId(), clock.instant().toString()));
        return run;
    }

    /** Reopens a run: replays its log, cuts the uncommitted tail and appends a resume event. */
    public static RunDirectory resume(Path dir, Clock clock) {
        RunManifest manifest = readManifest(dir);
        Path events = dir.resolve(EVENTS);
        EventLog.Replay replay = Files.exists(events) ? EventLog.read(events) : new EventLog.Replay(List.of(), 0, 0);
        RunDirectory run = new RunDirectory(dir, manifest, EventLog.openForAppend(events, replay.committedBytes()),
                replay.committed(), clock, true);
        if (replay.committed().isEmpty()) {
            run.append(new RunEvent.RunStarted(manifest.runId(), clock.instant().toString()));
        }
        int units = (int) replay.committed().stream()
                .filter(e -> e instanceof RunEvent.SeedProcessed || e instanceof RunEvent.StepStats).count();
        run.append(new RunEvent.RunResumed(clock.instant().toString(), units, replay.droppedBytes()));
        run.rewriteFindings();
        return run;
    }

    /** The findings of a run, read without opening it for writing (for reports and analyses of finished runs). */
    public static List<Finding> readFindings(Path dir) {
        Path f = dir.resolve(FINDINGS);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no " + FINDINGS + " in " + dir + ": is it a run directory?");
        }
        List<Finding> out = new java.util.ArrayList<>();
        try (java.io.BufferedReader r = Files.newBufferedReader(f)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(RunJson.mapper().readValue(line, Finding.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(f + " line " + n + " is not a finding: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return out;
    }

    public static RunManifest readManifest(Path dir) {
        Path m = dir.resolve(MANIFEST);
        try {
            return RunJson.mapper().readValue(Files.readString(m), RunManifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("manifest " + m + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + m, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public RunManifest manifest() {
        return manifest;
    }

    public FileImageStore images() {
        return images;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether this run was reopened rather than created. */
    public boolean resumed() {
        return resumed;
    }

    /** The committed events so far, in log order. */
    public List<RunEvent> committedEvents() {
        return Collections.unmodifiableList(committed);
    }

    /** The committed findings so far, in log order. */
    public List<Finding> findings() {
        return committed.stream()
                .filter(e -> e instanceof RunEvent.FindingRecorded)
                .map(e -> ((RunEvent.FindingRecorded) e).finding())
                .toList();
    }

    /**
     * Appends an event. Non-commit events wait in the log until the next commit event, which forces
     * the log to disk and makes them count; a finding becomes a line of {@code findings.jsonl} then.
     */
    public void append(RunEvent event) {
        log.append(event);
        pending.add(event);
        if (event.commits()) {
            List<Finding> found = new ArrayList<>();
            for (RunEvent e : pending) {
                if (e instanceof RunEvent.FindingRecorded f) {
                    found.add(f.finding());
                }
            }
            committed.addAll(pending);
            pending.clear();
            if (!found.isEmpty()) {
                appendFindings(found);
            }
        }
    }

    /** Rewrites {@code findings.jsonl} from the committed log (after a resume, at completion). */
    public void rewriteFindings() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings()) {
            sb.append(json(f)).append('\n');
        }
        try {
            writeAtomically(dir.resolve(FINDINGS), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FINDINGS), e);
        }
    }

    private void appendFindings(List<Finding> found) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : found) {
            sb.append(json(f)).append('\n');
        }
        try {
            Files.writeString(dir.resolve(FINDINGS), sb, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(FINDINGS), e);
        }
    }

    private static String json(Object o) {
        try {
            return RunJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String difference(RunManifest a, RunManifest b) {
        if (!a.config().equals(b.config())) {
            return "config (" + configDifference(a.config(), b.config()) + ")";
        }
        if (!a.seeds().equals(b.seeds())) {
            return "seed list";
        }
        if (a.seed() != b.seed()) {
            return "seed (" + a.seed() + " there, " + b.seed() + " here)";
        }
        return "set of models or checkpoints (" + a.models() + " there, " + b.models() + " here)";
    }

    /** The top-level config fields that differ, with both values ("absent" for a missing field). */
    static String configDifference(JsonNode there, JsonNode here) {
        SortedSet<String> names = new TreeSet<>();
        there.fieldNames().forEachRemaining(names::add);
        here.fieldNames().forEachRemaining(names::add);
        List<String> out = new ArrayList<>();
        for (String name : names) {
            JsonNode x = there.get(name);
            JsonNode y = here.get(name);
            if (x == null || !x.equals(y)) {
                out.add(name + ": " + (x == null ? "absent" : x) + " there, " + (y == null ? "absent" : y) + " here");
            }
        }
        return String.join("; ", out);
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
