package org.auditdm.failures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.auditdm.api.AnswerJudge;
import org.auditdm.api.Finding;
import org.auditdm.api.ImageStore;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Picture;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunManifest;

/**
 * Failure types for a finished run directory: reads its manifest and findings, asks the same models fresh
 * probes, and writes {@value FailureTypes#FILE} beside the findings.
 */
public final class FailureTypeAnalysis {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndAddModules().build();

    private FailureTypeAnalysis() {
    }

    /**
     * @param target the run's target model (the caller loads it from the manifest's names)
     * @param references the run's reference members, in the manifest's order
     */
    public static FailureTypes run(Path runDir, VisionLanguageModel target, List<VisionLanguageModel> references,
                                   TextEmbedder embedder, FailureTypeFinder.Settings settings,
                                   FailureTypeFinder.Listener listener) {
        RunManifest manifest = RunDirectory.readManifest(runDir);
        AuditConfig config = AuditConfig.fromJson(manifest.config());
        List<Finding> findings = readFindings(runDir);
        try (ModelCaller caller = new ModelCaller(config.callPolicy())) {
            Revalidator revalidator = revalidator(config, target, references, caller, settings.seed());
            FailureTypes types = new FailureTypeFinder(revalidator, embedder, settings)
                    .find(manifest.runId(), config.target(), config.references(), findings, listener);
            write(runDir.resolve(FailureTypes.FILE), types);
            return types;
        }
    }

    /**
     * Re-validates the run's validated types with another target (the same references, the same fresh
     * probes) and writes {@code recheck.json} beside them.
     */
    public static List<Recheck.Row> recheck(Path runDir, VisionLanguageModel newTarget,
                                            List<VisionLanguageModel> references, int probes) {
        List<Recheck.Row> rows = recheckRows(runDir, newTarget, references, probes);
        try {
            JSON.writeValue(runDir.resolve("recheck.json").toFile(),
                    java.util.Map.of("target", newTarget.id(), "rows", rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recheck.json in " + runDir + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** {@link #recheck} without writing anything. */
    public static List<Recheck.Row> recheckRows(Path runDir, VisionLanguageModel newTarget,
                                                List<VisionLanguageModel> references, int probes) {
        RunManifest manifest = RunDirectory.readManifest(runDir);
        AuditConfig config = AuditConfig.fromJson(manifest.config());
        FailureTypes earlier = read(runDir);
        try (ModelCaller caller = new ModelCaller(config.callPolicy())) {
            Revalidator revalidator = revalidator(config, newTarget, references, caller, earlier.seed());
            return Recheck.of(earlier, revalidator, probes, earlier.seed());
        }
    }

    /**
     * Fresh probes judged as the run judged its own: same ensemble rule, minimum confidence, image side and
     * presupposition check.
     */
    private static Revalidator revalidator(AuditConfig config, VisionLanguageModel target,
                                           List<VisionLanguageModel> references, ModelCaller caller, long seed) {
        AnswerJudge judge = new NormalizingJudge();
        Evaluator evaluator = new Evaluator(new ProbeBuilder(new Discarding(), config.imageSide(), seed),
                new Judging(target, new ReferenceEnsemble(references, judge), judge, caller)
                        .withMinConfidence(config.minConfidence()),
                config.checkPresuppositions());
        return new Revalidator(evaluator, new FreshProbes(config.seedPool()), config.references());
    }

    public static List<Finding> readFindings(Path runDir) {
        return RunDirectory.readFindings(runDir);
    }

    public static FailureTypes read(Path runDir) {
        Path file = runDir.resolve(FailureTypes.FILE);
        try {
            return JSON.readValue(file.toFile(), FailureTypes.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, FailureTypes types) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), types);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fresh probes' images are not kept: re-validation needs only the answers. */
    private static final class Discarding implements ImageStore {
        @Override
        public String put(Picture picture) {
            return Objects.requireNonNull(picture, "picture").sha256();
        }

        @Override
        public Picture get(String sha256) {
            throw new IllegalArgumentException("re-validation keeps no images");
        }
    }
}
