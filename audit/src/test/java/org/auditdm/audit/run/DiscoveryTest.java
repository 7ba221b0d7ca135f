package org.auditdm.audit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.api.Finding;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.testing.FixedTextAuditor;
import org.auditdm.audit.testing.ScriptedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery: same seed and config, same findings; interrupted anywhere and resumed, still the same. */
class DiscoveryTest {
    private static final int SEEDS = 8;
    private static final FixedTextAuditor AUDITOR = new FixedTextAuditor(Map.of(
            ProbeMode.QUESTION, List.of("{seed}", "how many circles are there?", "what colour is the square?",
                    "zq frobnicate the widget"),
            ProbeMode.EDIT, List.of("add a red circle", "add noise", "make the dodecahedron green",
                    "add two yellow hexagons"),
            ProbeMode.CAPTION, List.of("a clock showing 3:45", "a red circle at the top left", "a sign reading STOP",
                    "a purple elephant")));

    @TempDir
    Path tmp;

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private List<Finding> run(Path dir, long seed, DiscoveryListener listener) {
        DiscoverySettings settings = new DiscoverySettings(
                Map.of(ProbeMode.QUESTION, 1.0, ProbeMode.EDIT, 1.0, ProbeMode.CAPTION, 1.0), 4, true, seed);
        JsonNode config = RunJson.mapper().valueToTree(Map.of("samplesPerSeed", 4, "seed", seed));
        SeedSource seeds = SeedSource.pool(21, 0, SEEDS);
        RunManifest manifest = RunManifest.describe("disc", RunDirectoryTest.CLOCK, Map.of(), config,
                seeds.describe(), seed, Path.of("."));
        try (RunDirectory run = RunDirectory.createOrResume(dir, manifest, RunDirectoryTest.CLOCK);
             ModelCaller caller = new ModelCaller(new CallPolicy(Duration.ofSeconds(10), 0, Duration.ZERO))) {
            ReferenceEnsemble refs = new ReferenceEnsemble(List.of(ScriptedModel.hashing("ref:a", 2, 4),
                    ScriptedModel.hashing("ref:b", 3, 5)), new NormalizingJudge());
            Evaluator evaluator = new Evaluator(new ProbeBuilder(run.images(), 64, seed),
                    new Judging(ScriptedModel.hashing("target", 1, 3), refs, caller));
            return new Discovery(AUDITOR, evaluator, run, settings).run(seeds, listener);
        }
    }

    private static List<RunEvent> work(Path dir) {
        return EventLog.read(dir.resolve(RunDirectory.EVENTS)).committed().stream()
                .filter(e -> e instanceof RunEvent.ProbeEvaluated || e instanceof RunEvent.FindingRecorded
                        || e instanceof RunEvent.SeedProcessed)
                .toList();
    }

    @Test
    void theSameSeedFindsTheSameAndProgressIsReported() {
        List<DiscoveryProgress> progress = new ArrayList<>();
        List<Finding> a = run(tmp.resolve("a"), 5, progress::add);
        List<Finding> b = run(tmp.resolve("b"), 5, DiscoveryListener.NONE);
        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(a).extracting(Finding::id).startsWith("f-000000", "f-000001");
        assertThat(a).allSatisfy(f -> assertThat(Files.exists(new FileImageStore(tmp.resolve("a").resolve("images"))
                .path(f.probe().imageSha()))).isTrue());
        assertThat(progress).hasSize(SEEDS);
        DiscoveryProgress last = progress.get(SEEDS - 1);
        assertThat(last.seedsDone()).isEqualTo(SEEDS);
        assertThat(last.findings()).isEqualTo(a.size());
        assertThat(last.invalid()).isPositive();
        assertThat(last.meanReward()).isEqualTo((double) a.size() / (last.valid() + last.invalid()));
        // every pairing occurs
        List<Evaluated> evaluated = work(tmp.resolve("a")).stream()
                .filter(e -> e instanceof RunEvent.ProbeEvaluated).map(e -> ((RunEvent.ProbeEvaluated) e).evaluated())
                .toList();
        assertThat(evaluated.stream().filter(e -> e.probe() != null).map(e -> e.probe().pairing()).distinct().count())
                .isEqualTo(3);
        assertThat(run(tmp.resolve("c"), 6, DiscoveryListener.NONE)).isNotEqualTo(a);
    }

    @Test
    void aRunStoppedAfterAnySeedResumesToTheSameFindings() throws Exception {
        List<Finding> reference = run(tmp.resolve("ref"), 5, DiscoveryListener.NONE);
        for (int stopAt : new int[] {1, 4, 7}) {
            Path dir = tmp.resolve("stop" + stopAt);
            assertThatThrownBy(() -> run(dir, 5, p -> {
                if (p.seedsDone() == stopAt) {
                    throw new Stop();
                }
            })).isInstanceOf(Stop.class);
            List<Finding> resumed = run(dir, 5, DiscoveryListener.NONE);
            assertThat(resumed).isEqualTo(reference);
            assertThat(work(dir)).isEqualTo(work(tmp.resolve("ref")));
            assertThat(Files.readString(dir.resolve(RunDirectory.FINDINGS)))
                    .isEqualTo(Files.readString(tmp.resolve("ref").resolve(RunDirectory.FINDINGS)));
        }
    }

    @Test
    void aLogCutInsideASeedOrInsideALineResumesToTheSameFindings() throws Exception {
        Path ref = tmp.resolve("ref");
        List<Finding> reference = run(ref, 5, DiscoveryListener.NONE);
        byte[] log = Files.readAllBytes(ref.resolve(RunDirectory.EVENTS));
        String text = new String(log, StandardCharsets.UTF_8);
        List<Integer> cuts = new ArrayList<>();
        int fourthCommit = nthIndexOf(text, "\"type\":\"seed_processed\"", 4) - 1; // start of that line
        cuts.add(fourthCommit + 10); // half-written commit line: the fourth seed must be redone
        cuts.add(nthIndexOf(text, "\"type\":\"probe_evaluated\"", 3) + 5); // inside the first seed
        cuts.add(text.lastIndexOf("\"type\":\"run_completed\"") - 1); // everything done but the completion
        for (int cut : cuts) {
            Path dir = tmp.resolve("cut" + cut);
            Files.createDirectories(dir);
            Files.copy(ref.resolve(RunDirectory.MANIFEST), dir.resolve(RunDirectory.MANIFEST));
            Files.write(dir.resolve(RunDirectory.EVENTS), Arrays.copyOf(log, cut));
            List<Finding> resumed = run(dir, 5, DiscoveryListener.NONE);
            assertThat(resumed).isEqualTo(reference);
            assertThat(work(dir)).isEqualTo(work(ref));
            assertThat(EventLog.read(dir.resolve(RunDirectory.EVENTS)).committed().stream()
                    .filter(e -> e instanceof RunEvent.RunCompleted).count()).isEqualTo(1);
        }
        // resuming a finished run does nothing more
        List<RunEvent> before = work(ref);
        assertThat(run(ref, 5, p -> {
            throw new AssertionError("no seed should be processed again");
        })).isEqualTo(reference);
        assertThat(work(ref)).isEqualTo(before);
    }

    private static int nthIndexOf(String s, String part, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(part, at + 1);
        }
        return at;
    }
    @Test
    void theAuditorWritesEachPairedQuestionForTheImageItsEditMade() {
        List<Picture> asked = new ArrayList<>();
        Auditor recording = new Auditor() {
            @Override
            public String id() {
                return "test:recording";
            }

            @Override
            public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
                if (mode == ProbeMode.QUESTION) {
                    asked.add(image);
                }
                return AUDITOR.propose(image, seedQuestion, mode, count, seed);
            }
        };
        ProbeBuilder builder = new ProbeBuilder(new MemoryImageStore(), 64, 3);
        Seed seed = new SeedPool(21).get(0);
        DiscoverySettings paired = new DiscoverySettings(Map.of(ProbeMode.EDIT, 1.0), 6, true, 1);
        List<ProbeRequest> plan = Discovery.plan(recording, builder, seed, paired, new SplittableRandom(5));
        List<ProbeRequest> edits = plan.stream().filter(r -> r.imageText() == null).toList();
        List<ProbeRequest> pairs = plan.stream().filter(r -> r.imageText() != null).toList();
        assertThat(edits).hasSize(6).allSatisfy(r -> assertThat(r.text().mode()).isEqualTo(ProbeMode.EDIT));
        assertThat(pairs).extracting(ProbeRequest::imageText).containsExactlyElementsOf(
                edits.stream().map(ProbeRequest::text).toList());
        // one question per edit that makes an image, asked about that image; an edit that makes none
        // still takes its place in the budget, as an empty (invalid) question
        List<Picture> made = new ArrayList<>();
        for (ProbeRequest r : pairs) {
            var image = builder.counterfactual(seed, r.imageText());
            assertThat(r.text().mode()).isEqualTo(ProbeMode.QUESTION);
            assertThat(r.text().text().isEmpty()).isEqualTo(image.isEmpty());
            image.ifPresent(made::add);
        }
        assertThat(asked).isEqualTo(made);
        assertThat(Discovery.plan(recording, builder, seed, paired, new SplittableRandom(5))).isEqualTo(plan);
        DiscoverySettings unpaired = new DiscoverySettings(Map.of(ProbeMode.EDIT, 1.0), 6, false, 1);
        assertThat(Discovery.plan(recording, builder, seed, unpaired, new SplittableRandom(5))).isEqualTo(edits);
    }
}
