package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.rectify.Bootstrap;
import org.auditdm.rectify.DataBuilder;
import org.auditdm.rectify.FamilyMix;
import org.auditdm.rectify.LabelFilter;
import org.auditdm.rectify.Rectifier;
import org.auditdm.rectify.StudyListener;
import org.auditdm.rectify.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by {@code auditdm rectify}, {@code auditdm bench rectify} and {@code auditdm loop}. */
final class RectifyOptions {
    @Option(names = "--size", defaultValue = "8000", description = "examples of added data (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--steps", defaultValue = "" + Rectifier.Options.DEFAULT_STEPS, description = "fine-tuning steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "64", description = "fine-tuning batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak fine-tuning learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--replay", defaultValue = "0.5",
            description = "share of each batch replaying the original training distribution (default: ${DEFAULT-VALUE})")
    double replay;

    @Option(names = "--only-disagreements",
            description = "keep only pairs where the target differs from the agreeing ensemble (default: every agreed pair)")
    boolean onlyDisagreements;

    @Option(names = "--min-confidence", defaultValue = "0.7",
            description = "keep a pair only if every reference member's answer probability is at least this "
                    + "(0: off; default: ${DEFAULT-VALUE})")
    double minConfidence;

    @Option(names = "--max-per-image", defaultValue = "8", description = "examples per image at most (default: ${DEFAULT-VALUE})")
    int maxPerImage;

    @Option(names = "--findings-share", defaultValue = "0.25",
            description = "at most this share of the data from the run's findings (default: ${DEFAULT-VALUE})")
    double findingsShare;

    @Option(names = "--augment-share", defaultValue = "0.5",
            description = "at most this share from fresh probes of validated failure types (default: ${DEFAULT-VALUE})")
    double augmentShare;

    @Option(names = "--pool-seed", defaultValue = "7", description = "unlabelled image pool (default: ${DEFAULT-VALUE})")
    long poolSeed;

    @Option(names = "--seed", defaultValue = "1", description = "seed of data sampling and fine-tuning (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--target", description = "target (zoo preset or checkpoint dir; default: the audit run's target, "
            + "S where there is no run yet)")
    String target;

    @Option(names = "--reference", split = ",",
            description = "reference ensemble (default: the audit run's references, R1,R2 where there is no run yet)")
    List<String> references;

    /** The target and references where no audit run gives them. */
    static final String DEFAULT_TARGET = "S";
    static final List<String> DEFAULT_REFERENCES = List.of("R1", "R2");

    /** The models the rectification table compares with by default: the target's larger siblings. */
    static final String DEFAULT_COMPARISONS = "M,L";

    /**
     * Comparison models by name ({@code none}: none), leaving out the workspace's target and references
     * (already rows of the table).
     */
    static Map<String, Path> comparisons(Workspace ws, List<String> compare) {
        return comparisons(ws.targetDir(), ws.referenceDirs().values(), compare, ZooModels::resolve);
    }

    static Map<String, Path> comparisons(Path targetDir, Collection<Path> referenceDirs, List<String> compare,
                                         Function<String, Path> resolve) {
        Map<String, Path> m = new LinkedHashMap<>();
        if (compare == null || compare.equals(List.of("none"))) {
            return m;
        }
        Set<Path> shown = new HashSet<>();
        shown.add(targetDir.toAbsolutePath().normalize());
        referenceDirs.forEach(p -> shown.add(p.toAbsolutePath().normalize()));
        for (String name : compare) {
            Path dir = resolve.apply(name);
            if (shown.add(dir.toAbsolutePath().normalize())) {
                m.put(name, dir);
            }
        }
        return m;
    }

    /** The target given, or {@link #DEFAULT_TARGET}. */
    String target() {
        return target != null ? target : DEFAULT_TARGET;
    }

    /** The references given, or {@link #DEFAULT_REFERENCES}. */
    List<String> references() {
        return references != null ? references : DEFAULT_REFERENCES;
    }

    @Option(names = "--base", description = "base auditor checkpoint (default: models/auditor/base)")
    Path baseAuditor;

    @Option(names = "--family-mix", defaultValue = "as-found", converter = FamilyMixConverter.class,
            description = "question-family shares of the bootstrap data: as-found (the auditors' own mix), even, "
                    + "or disagreement (in proportion to how often the target disagrees with the ensemble's label "
                    + "on the family; models only) (default: ${DEFAULT-VALUE})")
    FamilyMix.Weighting familyMix;

    @Option(names = "--oversample", defaultValue = "1",
            description = "label this many times the bootstrap examples needed, then keep the needed number by "
                    + "--family-mix (default: ${DEFAULT-VALUE}; 3 gives the mix room to choose)")
    int oversample;

    static final class FamilyMixConverter implements CommandLine.ITypeConverter<FamilyMix.Weighting> {
        @Override
        public FamilyMix.Weighting convert(String value) {
            return FamilyMix.Weighting.parse(value);
        }
    }

    DataBuilder.Recipe recipe() {
        Bootstrap.Options b = Bootstrap.Options.defaults(seed).withFamilyMix(familyMix, oversample);
        return new DataBuilder.Recipe(size, new LabelFilter(onlyDisagreements, maxPerImage, minConfidence), findingsShare,
                augmentShare, b, poolSeed, Math.max(500, 2 * size * oversample), seed);
    }

    Rectifier.Options training() {
        return new Rectifier.Options(steps, batch, lr, replay, seed);
    }

    /**
     * The workspace for an audit run: its target and references unless flags name others (a run audits and
     * rectifies the same models: `run --target X --reference Y,Z` rectifies X with Y and Z's labels).
     */
    Workspace open(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("run directory not found: " + runDir);
        }
        AuditConfig run = AuditConfig.fromJson(RunDirectory.readManifest(runDir).config());
        Path targetDir = target != null ? ZooModels.resolve(target) : fromRun(run.target(), "target", "--target");
        return references != null ? open(runDir, targetDir, references, ZooModels::resolve)
                : open(runDir, targetDir, run.references(), r -> fromRun(r, "reference", "--reference"));
    }

    Workspace open(Path runDir, Path targetDir) {
        return open(runDir, targetDir, references(), ZooModels::resolve);
    }

    /** A zoo checkpoint named in the run's config, or an error saying rectification needs one. */
    private static Path fromRun(String name, String role, String flag) {
        try {
            return ZooModels.resolve(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the audit run's " + role + " '" + name + "' is not a zoo model "
                    + "(rectification fine-tunes and labels with zoo checkpoints); name one with " + flag + ": "
                    + e.getMessage());
        }
    }

    private Workspace open(Path runDir, Path targetDir, List<String> referenceNames,
                           Function<String, Path> resolve) {
        Map<String, Path> refs = new LinkedHashMap<>();
        for (String r : referenceNames) {
            refs.put(r, resolve.apply(r));
        }
        Path base = baseAuditor != null ? baseAuditor
                : ZooModels.baseAuditor();
        return Workspace.open(runDir, targetDir, refs, base);
    }

    /** Progress bars on the error stream. */
    static StudyListener listener(PrintWriter err) {
        return new StudyListener() {
            @Override
            public Phase begin(String label, long total) {
                Progress p = new Progress(err, label, total);
                return new Phase() {
                    @Override
                    public void update(long done, String detail) {
                        p.update(done, detail);
                    }

                    @Override
                    public void done() {
                        p.done();
                    }
                };
            }

            @Override
            public void info(String line) {
                err.println(line);
                err.flush();
            }
        };
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    /**
     * Fresh probes of a failure type for augment: the failures module's world generators, judged by the
     * workspace's ensemble, on the run's seed pool.
     */
    static org.auditdm.rectify.TypeSampler typeSampler(org.auditdm.rectify.Workspace ws, long seed) {
        long pool = AuditConfig.fromJson(RunDirectory.readManifest(ws.runDir()).config()).seedPool();
        org.auditdm.failures.FreshProbes fresh = new org.auditdm.failures.FreshProbes(pool);
        return new org.auditdm.rectify.RequestTypeSampler(fresh::draw, ws.judging(), seed);
    }
}
