package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Auditor;
import org.auditdm.api.Consensus;
import org.auditdm.api.Finding;
import org.auditdm.api.Pairing;
import org.auditdm.api.Picture;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.audit.run.CallPolicy;
import org.auditdm.audit.run.FileImageStore;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.audit.run.RunJson;
import org.auditdm.zoo.train.WorldSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three data sets of the study, built from a small fake run with test-double models. */
class DataBuilderTest {
    private static final Map<ProbeMode, List<String>> TEXTS = Map.of(
            ProbeMode.QUESTION, List.of("how many objects are there?", "is there a red object?",
                    "how many circles are there?"),
            ProbeMode.EDIT, List.of("add a red circle"));

    private static void fakeRun(Path run) throws Exception {
        Files.writeString(run.resolve("manifest.json"), """
                {"formatVersion": 1, "runId": "audit-test", "created": "2026-11-23T00:00:00Z",
                 "projectVersion": "test", "git": {"commit": "unknown", "dirty": false}, "jdk": "17", "os": "x",
                 "djl": "x", "models": {}, "config": {}, "seeds": {"source": "pool", "poolSeed": 2025, "from": 0,
                 "count": 5}, "seed": 1}
                """);
        FileImageStore images = new FileImageStore(run.resolve("images"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            Picture p = Doubles.picture(20 + i);
            images.put(p);
            String q = "is there a star?";
            lines.append(RunJson.mapper().writeValueAsString(new Finding("f-00000" + i, new Probe("seed-00000" + i,
                    ProbeMode.QUESTION, q, Pairing.NEW_QUESTION_ORIGINAL_IMAGE, q, p.sha256(), p.sha256()), "no",
                    new Consensus(List.of("yes", "yes"), "yes", true), null))).append('\n');
        }
        Files.writeString(run.resolve("findings.jsonl"), lines);
    }

    @Test
    void auditdmAndBothControlsRespectSharesSourcesAndSize(@TempDir Path run) throws Exception {
        fakeRun(run);
        Doubles.Scripted m = new Doubles.Scripted("m", q -> q.startsWith("is") ? "yes" : "2");
        Doubles.Scripted l = new Doubles.Scripted("l", q -> q.startsWith("is") ? "yes" : "2");
        Doubles.Scripted s = new Doubles.Scripted("s", q -> q.startsWith("is") ? "no" : "2");
        Judging j = new Judging(s, Doubles.ensemble(m, l), new ModelCaller(CallPolicy.defaults()));
        DataBuilder.Recipe recipe = new DataBuilder.Recipe(40, LabelFilter.AGREED.withCheckPresuppositions(false), 0.1, 0.25,
                new Bootstrap.Options(3, 1, 8, 4), 9, 200, 4);
        DataBuilder b = new DataBuilder(run, j, WorldSource.answerVocabulary(), recipe);
        Auditor base = Doubles.fixed("auditor:base", TEXTS);
        Auditor rl = Doubles.fixed("auditor:rl", TEXTS);

        DataSet auditdm = b.auditdm(List.of(base, rl), null, StudyListener.SILENT);
        assertThat(auditdm.examples()).hasSize(40);
        assertThat(auditdm.bySource()).containsEntry(Source.FINDING, 4).containsEntry(Source.BOOTSTRAP, 36);
        assertThat(auditdm.recipe().get("augment").toString()).contains("skipped");
        assertThat(auditdm.examples().stream().filter(e -> e.provenance().source() == Source.BOOTSTRAP)
                .map(e -> e.provenance().auditor()).distinct()).containsExactlyInAnyOrder("auditor:base", "auditor:rl");

        DataSet control = b.baseAuditor(base, StudyListener.SILENT);
        assertThat(control.examples()).hasSize(40);
        assertThat(control.examples()).extracting(e -> e.provenance().auditor()).containsOnly("auditor:base");
        // Base-auditor findings are the target's disagreements with the agreeing ensemble, on the run's seeds.
        assertThat(control.examples().stream().filter(e -> e.provenance().source() == Source.SEED_FINDING))
                .isNotEmpty().hasSizeLessThanOrEqualTo(4)
                .allMatch(e -> e.label().equals("yes") && e.targetAnswer().equals("no"))
                .allMatch(e -> e.provenance().seedId().startsWith("seed-"));

        DataSet random = b.random(WorldSource.training(), 40);
        assertThat(random.examples()).hasSize(40).allMatch(e -> e.label().equals(e.oracleAnswer()));
        assertThat(random.bySource()).containsOnlyKeys(Source.TRAINING_SAMPLE);
    }
}
