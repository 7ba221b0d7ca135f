package org.auditdm.audit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Picture;
import org.auditdm.audit.config.AuditConfigLoader;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    static RunManifest manifest(JsonNode config) {
        return RunManifest.describe("run-1", CLOCK, Map.of("test:target", "abc123"), config,
                SeedSource.pool(3, 0, 4).describe(), 9, Path.of("."));
    }

    @Test
    void theManifestRecordsProvenanceAndReadsBack() {
        JsonNode config = AuditConfigLoader.load().toJson();
        try (RunDirectory run = RunDirectory.create(tmp.resolve("r"), manifest(config), CLOCK)) {
            RunManifest m = RunDirectory.readManifest(run.dir());
            assertThat(m).isEqualTo(run.manifest());
            assertThat(m.formatVersion()).isEqualTo(RunManifest.FORMAT_VERSION);
            assertThat(m.runId()).isEqualTo("run-1");
            assertThat(m.created()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(m.projectVersion()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(m.git().commit()).matches("[0-9a-f]{40}|unknown");
            if (!m.git().commit().equals("unknown")) {
                assertThat(m.git().dirty()).isNotNull();
            }
            assertThat(m.jdk()).startsWith(System.getProperty("java.version"));
            assertThat(m.os()).contains(System.getProperty("os.name"));
            assertThat(m.djl()).startsWith("djl 0.36.0; PyTorch threads ");
            assertThat(m.models()).containsEntry("test:target", "abc123");
            assertThat(m.config().toString()).isEqualTo(config.toString());
            assertThat(m.seeds().get("poolSeed").asLong()).isEqualTo(3);
            assertThat(m.seed()).isEqualTo(9);
            assertThat(run.committedEvents()).containsExactly(new RunEvent.RunStarted("run-1", "2026-01-02T03:04:05Z"));
        }
    }

    @Test
    void aDifferentRunInTheSameDirectoryIsRefused() {
        JsonNode config = AuditConfigLoader.load().toJson();
        RunDirectory.create(tmp.resolve("r"), manifest(config), CLOCK).close();
        JsonNode other = AuditConfigLoader.load(null, Map.of("samplesPerSeed", "3")).toJson();
        assertThatThrownBy(() -> RunDirectory.createOrResume(tmp.resolve("r"), manifest(other), CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different config (samplesPerSeed: 6 there, 3 here)");
        // A field the recorded run did not have (recorded before it existed, or left out at 0).
        JsonNode plain = AuditConfigLoader.load(null, Map.of("validTextReward", "0")).toJson();
        assertThat(RunDirectory.configDifference(plain, config))
                .isEqualTo("validTextReward: absent there, 0.2 here");
        try (RunDirectory again = RunDirectory.createOrResume(tmp.resolve("r"), manifest(config), CLOCK)) {
            assertThat(again.resumed()).isTrue();
        }
    }

    @Test
    void imageStoreRoundTripIsIdempotentAndChecksContent() throws Exception {
        FileImageStore store = new FileImageStore(tmp.resolve("images"));
        Picture p = new Renderer().render(new SeedPool(1).get(0).scene());
        String sha = store.put(p);
        assertThat(sha).isEqualTo(p.sha256());
        Path file = store.path(sha);
        assertThat(file).isEqualTo(tmp.resolve("images").resolve(sha.substring(0, 2)).resolve(sha + ".png"));
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(store.put(p)).isEqualTo(sha);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
        try (var files = Files.walk(tmp.resolve("images"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1); // no temp files left
        }
        assertThat(store.get(sha)).isEqualTo(p);
        Picture other = new Renderer().render(new SeedPool(1).get(1).scene());
        Files.write(file, other.toPng());
        assertThatThrownBy(() -> store.get(sha)).hasMessageContaining("damaged");
        assertThatThrownBy(() -> store.get("../../etc/passwd")).hasMessageContaining("not a SHA-256");
        assertThatThrownBy(() -> store.get("0".repeat(64))).hasMessageContaining("no image");
    }

    @Test
    void aHalfWrittenLineAndAnUncommittedTailAreDroppedOnResume() throws Exception {
        Path dir = tmp.resolve("r");
        JsonNode config = AuditConfigLoader.load().toJson();
        try (RunDirectory run = RunDirectory.create(dir, manifest(config), CLOCK)) {
            run.append(new RunEvent.StepStats(0, Map.of("meanReward", 0.5)));
            run.append(new RunEvent.AuditorCheckpoint(0, "auditor:x", "ckpt/0", null));
            run.append(new RunEvent.StepStats(1, Map.of("meanReward", Double.NaN)));
        }
        Path events = dir.resolve(RunDirectory.EVENTS);
        long committedLength = Files.size(events);
        String half = "{\"type\":\"step_stats\",\"step\":2,\"sta";
        Files.writeString(events, half, StandardOpenOption.APPEND);
        try (RunDirectory run = RunDirectory.resume(dir, CLOCK)) {
            List<RunEvent> ev = run.committedEvents();
            assertThat(ev).hasSize(5);
            assertThat(((RunEvent.StepStats) ev.get(3)).stats().get("meanReward")).isNaN();
            assertThat(Files.size(events)).isGreaterThan(committedLength);
        }
        EventLog.Replay replay = EventLog.read(events);
        assertThat(replay.committed().get(4)).isEqualTo(new RunEvent.RunResumed("2026-01-02T03:04:05Z", 2, half.length()));
        assertThat(replay.droppedBytes()).isZero();
        String text = Files.readString(events, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\"sta{");
    }

    @Test
    void aDamagedLineBeforeACommitIsReportedWithItsLineNumber() throws Exception {
        Path dir = tmp.resolve("r");
        try (RunDirectory run = RunDirectory.create(dir, manifest(AuditConfigLoader.load().toJson()), CLOCK)) {
            run.append(new RunEvent.StepStats(0, Map.of()));
        }
        Path events = dir.resolve(RunDirectory.EVENTS);
        List<String> lines = Files.readAllLines(events);
        Files.write(events, List.of(lines.get(0), "{not json", lines.get(1)));
        assertThatThrownBy(() -> EventLog.read(events)).hasMessageContaining("damaged at line 2");
    }
}
