package org.auditdm.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.config.AuditConfigLoader;
import org.auditdm.audit.connect.AuditModels;
import org.auditdm.audit.loop.AuditRunner;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.connectors.TargetFactory;
import org.auditdm.failures.FailureTypes;
import org.auditdm.zoo.checkpoint.Checkpoints;

/**
 * auditdm from Java: what {@code auditdm audit} and {@code auditdm types} do, for a service or a JUnit test.
 * Settings are the config's fields with string values, as on the command line ({@code "seeds", "20"}); zoo
 * presets and the base auditor are found under the auditdm home ({@code -Dauditdm.home}, else the working
 * directory). A model of your own, implementing {@link VisionLanguageModel}, can be the target:
 *
 * <pre>{@code
 * AuditRunner.Summary s = Audits.audit(Map.of("references", "R1,R2", "seeds", "20", "steps", "40",
 *         "output", "runs/candidate"), myModel);
 * FailureTypes types = Audits.failureTypes(s.runDir(), myModel);
 * RunDiff diff = RunDiff.between(Audits.readFailureTypes(Path.of("runs/released")), types);
 * assertThat(diff.violations(EnumSet.of(RunDiff.Gate.NEW))).isEmpty();
 * }</pre>
 *
 * Runs resume as on the command line: the same settings and output directory continue an interrupted run.
 */
public final class Audits {
    /** Fresh probes per failure type, as {@code auditdm types}. */
    public static final int TYPE_PROBES = 60;

    private Audits() {
    }

    /** Audits the target the settings name (a zoo preset, a checkpoint directory or a target spec). */
    public static AuditRunner.Summary audit(Map<String, String> settings) {
        return audit(settings, null);
    }

    /**
     * Audits {@code target}, a model of the caller's, against the references the settings name; its id is the
     * run's target in the manifest. With {@code target} null, the settings' target is loaded.
     */
    public static AuditRunner.Summary audit(Map<String, String> settings, VisionLanguageModel target) {
        Map<String, String> flags = new java.util.LinkedHashMap<>(Objects.requireNonNull(settings, "settings"));
        if (target != null) {
            flags.put("target", target.id());
        }
        AuditConfig config = AuditConfigLoader.load(null, flags);
        Path base = ZooModels.baseAuditor();
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("no base auditor at " + base + " (set -Dauditdm.home to the auditdm "
                    + "checkout, or train one with: auditdm auditor train-base)");
        }
        try (AuditModels models = AuditModels.open(config, TargetFactory.system(null),
                name -> Checkpoints.load(ZooModels.resolve(name)), target);
             PolicyCheckpoint.Loaded auditor = PolicyCheckpoint.load(base)) {
            return new AuditRunner(config, new AuditRunner.Models(models.target(), models.references(),
                    models.checksums()), auditor.policy(), auditor.metadata(), Clock.systemUTC(), ZooModels.home())
                    .run(new AuditRunner.Listener() { });
        }
    }

    /** Failure types of a finished run ({@code failure-types.json}, written into it), with the run's own models. */
    public static FailureTypes failureTypes(Path run) {
        return TypesCommand.analyse(run, null, TYPE_PROBES, 0, quiet());
    }

    /**
     * Failure types of a finished run whose target is {@code target}, a model of the caller's (it cannot be
     * loaded by name); the references are the run's own, checked against its manifest.
     */
    public static FailureTypes failureTypes(Path run, VisionLanguageModel target) {
        return TypesCommand.analyse(run, Objects.requireNonNull(target, "target"), null, TYPE_PROBES, 0, quiet());
    }

    /** The failure types an earlier analysis wrote into a run (or a {@code failure-types.json} file). */
    public static FailureTypes readFailureTypes(Path runOrFile) {
        return DiffCommand.readTypes(runOrFile);
    }

    private static PrintWriter quiet() {
        return new PrintWriter(Writer.nullWriter());
    }
}
