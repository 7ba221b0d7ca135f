package org.auditdm.audit.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Finding;
import org.auditdm.audit.config.AuditConfigLoader;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.policy.AuditorPolicy;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.audit.policy.PolicySpec;
import org.auditdm.audit.policy.TextVocabulary;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.world.question.AnswerSpace;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole loop end to end with tiny untrained models: RL, discovery, measurements, resume. */
class AuditRunnerTest {
    private static ZooModel target;
    private static ZooModel refA;
    private static ZooModel refB;
    private static AuditorPolicy base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void models() {
        QuestionVocabulary q = QuestionVocabulary.build(WorldSource.training().questionCorpus(), 1, 4096);
        AnswerVocabulary a = new AnswerVocabulary(AnswerSpace.answers());
        target = ZooModel.initialise("tiny:target", ModelSpec.TINY_FILM, q, a, 1);
        refA = ZooModel.initialise("tiny:refA", ModelSpec.TINY_FILM, q, a, 2);
        refB = ZooModel.initialise("tiny:refB", ModelSpec.TINY_FILM, q, a, 2);
        base = AuditorPolicy.create(PolicySpec.tiny(), TextVocabulary.world(200, 1), 3);
    }

    @AfterAll
    static void close() {
        target.close();
        refA.close();
        refB.close();
        base.close();
    }

    private AuditConfig config(Path out, int steps) {
        return AuditConfigLoader.load(null, Map.of("seeds", "4", "steps", Integer.toString(steps), "samplesPerSeed", "2",
                "groupSize", "2", "output", out.toString()));
    }

    private AuditRunner runner(Path out) {
        return runner(out, 2);
    }

    private AuditRunner runner(Path out, int steps) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new AuditRunner(config(out, steps), new AuditRunner.Models(target, List.of(refA, refB),
                Map.of("tiny:target", "t", "tiny:refA", "a", "tiny:refB", "b")), base, null, clock, tmp);
    }

    /** The texts the auditors wrote in discovery, in order. */
    private static List<String> auditorTexts(Path run) throws Exception {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            JsonNode e = json.readTree(line);
            if (e.path("type").asText().equals("probe_evaluated")) {
                texts.add(e.path("evaluated").path("text").path("text").asText());
            }
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }

    @Test
    void aTrainedAuditorAuditsAgainWithoutTraining() throws Exception {
        AuditRunner.Summary trained = runner(tmp.resolve("trained")).run(new AuditRunner.Listener() { });
        Path rl = AuditRunner.rlAuditorDir(tmp.resolve("trained"));
        String checksum = PolicyCheckpoint.readMetadata(rl).parameterChecksum();
        try (var start = PolicyCheckpoint.load(rl)) {
            AuditRunner.Summary again = runner(tmp.resolve("again"), 0).withStartAuditor(start)
                    .run(new AuditRunner.Listener() { });
            assertThat(again.rewardCurve()).isEmpty();
            assertThat(again.targetQuestions("grpo")).isZero();
            // The saved auditor measures as it did at the end of its own training run (same seeds, same sampling).
            assertThat(again.measures().get("auditor:rl")).isEqualTo(trained.measures().get("auditor:rl"));
            assertThat(auditorTexts(tmp.resolve("again"))).isEqualTo(auditorTexts(tmp.resolve("trained")));
        }
        // Another start auditor (initialised differently) writes other texts: the start is what audits.
        Path otherDir = tmp.resolve("other-auditor");
        try (AuditorPolicy other = AuditorPolicy.create(PolicySpec.tiny(), TextVocabulary.world(200, 1), 99)) {
            PolicyCheckpoint.save(other, otherDir, "other", Map.of(), null);
        }
        try (var start = PolicyCheckpoint.load(otherDir)) {
            runner(tmp.resolve("other"), 0).withStartAuditor(start).run(new AuditRunner.Listener() { });
            assertThat(auditorTexts(tmp.resolve("other"))).isNotEqualTo(auditorTexts(tmp.resolve("trained")));
        }
        JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("again").resolve("manifest.json").toFile());
        assertThat(manifest.path("models").path("auditor:start").asText()).isEqualTo(checksum);
    }

    @Test
    void runsEveryPhaseAndResumesToTheSameFindings() throws Exception {
        List<String> phases = new ArrayList<>();
        AuditRunner.Summary s = runner(tmp.resolve("run")).run(new AuditRunner.Listener() {
            @Override
            public void phase(String name) {
                phases.add(name);
            }
        });
        assertThat(phases).containsExactly("rl", "discovery", "measure");
        assertThat(s.rewardCurve()).hasSize(2);
        assertThat(s.measures()).containsOnlyKeys("auditor:rl", "auditor:base", "auditor:random-world-text");
        assertThat(tmp.resolve("run").resolve("measures.json")).exists();
        assertThat(tmp.resolve("run").resolve("auditor/rl/metadata.json")).exists();
        // Two identical references always agree, so every valid probe where the target differs is a finding.
        List<Finding> first;
        try (RunDirectory rd = RunDirectory.resume(tmp.resolve("run"), Clock.systemUTC())) {
            first = rd.findings();
        }
        assertThat(s.findings()).isEqualTo(first.size());
        // Every question asked is counted by phase: world text is always valid, so each of its pairs asked the
        // target exactly once; an invalid text asks nobody.
        assertThat(s.questions()).extracting(org.auditdm.audit.run.QueryBudget.Phase::name).containsExactly("grpo",
                "discovery", "measure auditor:rl", "measure auditor:base", "measure auditor:random-world-text");
        AuditMeasures world = s.measures().get("auditor:random-world-text");
        assertThat(world.validText().rate()).isEqualTo(1.0);
        assertThat(s.targetQuestions("measure auditor:random-world-text")).isEqualTo(world.searchSuccess().total());
        AuditMeasures rl = s.measures().get("auditor:rl");
        assertThat(s.targetQuestions("measure auditor:rl")).isEqualTo(rl.validText().correct());
        assertThat(s.targetId()).isEqualTo("S");
        JsonNode queries = new ObjectMapper().readTree(tmp.resolve("run").resolve(AuditRunner.QUERIES_FILE).toFile());
        assertThat(queries.path("phases").get(4).path("questions").path("R1").asLong())
                .isEqualTo(s.questions().get(4).of("R1")).isPositive();
        // Counted under the config's names, with the ids they stand for.
        assertThat(queries.path("models").path("S").asText()).isEqualTo("tiny:target");
        assertThat(queries.path("models").path("R2").asText()).isEqualTo("tiny:refB");
        assertThat(queries.path("targetYield").path("measure auditor:rl").path("targetQuestions").asLong())
                .isEqualTo(rl.validText().correct());

        // A second invocation on the same directory resumes: nothing is recomputed or duplicated.
        AuditRunner.Summary again = runner(tmp.resolve("run")).run(new AuditRunner.Listener() { });
        assertThat(again.findings()).isEqualTo(first.size());
        assertThat(again.rewardCurve()).isEqualTo(s.rewardCurve());
        assertThat(again.targetQuestions("grpo")).isZero();

        // A fresh run with the same seed and config finds the same findings.
        runner(tmp.resolve("other")).run(new AuditRunner.Listener() { });
        try (RunDirectory rd = RunDirectory.resume(tmp.resolve("other"), Clock.systemUTC())) {
            assertThat(rd.findings()).isEqualTo(first);
        }
        assertThat(Files.readString(tmp.resolve("run").resolve("findings.jsonl")))
                .isEqualTo(Files.readString(tmp.resolve("other").resolve("findings.jsonl")));
    }
}
