package org.auditdm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.Consensus;
import org.auditdm.api.Finding;
import org.auditdm.api.Pairing;
import org.auditdm.api.Picture;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.audit.loop.AuditRunner.CurvePoint;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.audit.run.FileImageStore;
import org.auditdm.audit.run.GitState;
import org.auditdm.audit.run.RunJson;
import org.auditdm.audit.run.RunManifest;
import org.auditdm.failures.Exemplar;
import org.auditdm.failures.Facet;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;
import org.auditdm.failures.TypeDefinition;
import org.auditdm.failures.Validation;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.edit.Editor;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;

/**
 * A small run directory written for tests: real 64 px PNGs from the world's renderer (seed images and
 * edited counterfactuals), three findings, a reward curve, measures and failure types whose first
 * exemplar carries a malicious target answer.
 */
final class FixtureRun {
    static final String MALICIOUS = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    static final String MALICIOUS_NAME = "colour: <b>orange</b> & \"red\" <script>alert(1)</script>";

    private FixtureRun() {
    }

    /** Writes the fixture into {@code dir} (created if needed) and returns it. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = RunJson.mapper();
        ObjectMapper pretty = ReportJson.mapper();
        JsonNode config = json.readTree("{\"target\":\"S\",\"references\":[\"M\",\"L\"],\"steps\":12}");
        JsonNode seeds = json.readTree("{\"source\":\"pool\",\"poolSeed\":5,\"from\":0,\"count\":3}");
        RunManifest manifest = new RunManifest(1, "fixture-run", "2026-01-01T00:00:00Z", "test",
                new GitState("0123456789abcdef0123456789abcdef01234567", false), "17", "linux", "djl",
                Map.of("zoo:S", "aa", "zoo:M", "bb", "zoo:L", "cc"), config, seeds, 7);
        Files.writeString(dir.resolve("manifest.json"), pretty.writeValueAsString(manifest));

        FileImageStore images = new FileImageStore(dir.resolve("images"));
        Renderer renderer = new Renderer();
        SeedPool pool = new SeedPool(5);
        List<Finding> findings = new ArrayList<>();
        List<Exemplar> exemplars = new ArrayList<>();
        String[] edits = {"add clutter", "darken the image", "add clutter"};
        for (int i = 0; i < 3; i++) {
            Seed seed = pool.get(i);
            Picture seedImage = renderer.render(seed.scene());
            Picture edited = renderer.render(Editor.apply(seed.scene(), edits[i], new SplittableRandom(i)).scene());
            String seedSha = images.put(seedImage);
            String editedSha = images.put(edited);
            String target = i == 0 ? MALICIOUS : "seven";
            Probe probe = new Probe(seed.id(), ProbeMode.EDIT, edits[i], Pairing.ORIGINAL_QUESTION_NEW_IMAGE,
                    seed.question(), editedSha, seedSha);
            Consensus consensus = new Consensus(List.of("red", "red"), "red", true);
            Finding f = new Finding(String.format("f-%06d", i), probe, target, consensus, i == 1 ? null : "red");
            findings.add(f);
            exemplars.add(new Exemplar(f.id(), seedSha, editedSha, ProbeMode.EDIT, probe.pairing(), probe.question(),
                    edits[i], target, List.of("red", i == 2 ? "<i>red</i>" : "red"), "red", f.oracleAnswer()));
        }
        StringBuilder lines = new StringBuilder();
        for (Finding f : findings) {
            lines.append(json.writeValueAsString(f)).append('\n');
        }
        Files.writeString(dir.resolve("findings.jsonl"), lines, StandardCharsets.UTF_8);

        List<CurvePoint> curve = new ArrayList<>();
        for (int s = 1; s <= 12; s++) {
            curve.add(new CurvePoint(s, 0.05 + 0.02 * s, 0.7 + 0.01 * s, 1e-5 * s, 1e-5));
        }
        Files.writeString(dir.resolve("reward-curve.json"), pretty.writeValueAsString(curve));

        Map<String, AuditMeasures> measures = new LinkedHashMap<>();
        measures.put("auditor:rl", new AuditMeasures(Accuracy.of(30, 100), Accuracy.of(5, 20), Accuracy.of(90, 100),
                Map.of("question", Accuracy.of(10, 40), "question+caption", Accuracy.of(20, 60)),
                Map.of("clock", Accuracy.of(9, 10), "objects", Accuracy.of(21, 90))));
        measures.put("auditor:base", new AuditMeasures(Accuracy.of(20, 100), Accuracy.of(3, 20), Accuracy.of(80, 100)));
        measures.put("auditor:random-world-text", new AuditMeasures(Accuracy.of(40, 100), Accuracy.of(4, 20),
                Accuracy.of(100, 100)));
        Files.writeString(dir.resolve("measures.json"), pretty.writeValueAsString(measures));

        Files.writeString(dir.resolve(FailureTypes.FILE), pretty.writeValueAsString(types(exemplars)));
        return dir;
    }

    static FailureTypes types(List<Exemplar> exemplars) {
        TypeDefinition colour = new TypeDefinition(List.of(new Facet("family", "color"), new Facet("consensus", "red")));
        TypeDefinition count = new TypeDefinition(List.of(new Facet("family", "count")));
        Validation strong = new Validation(200, Accuracy.of(180, 200), Accuracy.of(90, 180), Accuracy.of(80, 200),
                Map.of("M", Accuracy.of(100, 200), "L", Accuracy.of(20, 200)), 1e-6, true);
        Validation weak = new Validation(200, Accuracy.of(150, 200), Accuracy.of(20, 150), Accuracy.of(25, 200),
                Map.of("M", Accuracy.of(10, 200), "L", Accuracy.of(12, 200)), 0.4, false);
        Validation general = new Validation(500, Accuracy.of(400, 500), Accuracy.of(50, 400), Accuracy.of(60, 500),
                Map.of("M", Accuracy.of(40, 500), "L", Accuracy.of(30, 500)), Double.NaN, false);
        FailureType a = new FailureType(colour.id(), MALICIOUS_NAME, "Colour questions where the consensus says red.",
                colour, List.of("f-000000", "f-000001"), exemplars.subList(0, 2), strong, List.of());
        FailureType b = new FailureType(count.id(), "counting", "Counting questions.", count, List.of("f-000002"),
                exemplars.subList(2, 3), weak, List.of());
        return new FailureTypes("fixture-run", "S", List.of("M", "L"), 3, 3, general, List.of(b, a), 7);
    }
}
