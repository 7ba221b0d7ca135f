package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunManifest;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypeAnalysis;
import org.auditdm.failures.FailureTypeFinder;
import org.auditdm.failures.FailureTypes;
import org.auditdm.failures.MiniLmEmbedder;
import org.auditdm.zoo.checkpoint.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm types RUN}: groups a run's findings into named failure types and re-validates each on
 * fresh probes, writing {@code failure-types.json} into the run directory.
 */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "Cluster a run's findings into named failure types and re-validate them on fresh probes.")
public class TypesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "run directory")
    Path run;

    @Option(names = "--probes", description = "fresh probes per type (default: ${DEFAULT-VALUE})", defaultValue = "60")
    int probes;

    @Option(names = "--clusters", description = "clusters to cut, 0 for one per 5 findings (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    int clusters;

    @Option(names = "--seed", description = "seed of clustering and re-validation (default: the run's seed)")
    Long seed;

    @Option(names = "--recheck", paramLabel = "TARGET",
            description = "instead: re-validate the run's validated types with another target (e.g. the rectified "
                    + "checkpoint RUN/rectify/study/auditdm) on the same fresh probes, and print before/after")
    String recheck;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (recheck != null) {
            return recheck(run, recheck, probes, spec.commandLine().getOut());
        }
        FailureTypes types = analyse(run, seed, probes, clusters, err);
        print(spec.commandLine().getOut(), types);
        return 0;
    }

    /** Re-validates the run's validated types with {@code target} (a zoo name or checkpoint dir) and prints the table. */
    static int recheck(Path run, String recheck, int probes, PrintWriter o) {
        RunManifest manifest = RunDirectory.readManifest(run);
        AuditConfig config = AuditConfig.fromJson(manifest.config());
        List<Checkpoints.Loaded> loaded = new ArrayList<>();
        try {
            Checkpoints.Loaded t = Checkpoints.load(ZooModels.resolve(recheck));
            loaded.add(t);
            List<VisionLanguageModel> refs = new ArrayList<>();
            for (String r : config.references()) {
                refs.add(load(r, manifest, loaded));
            }
            List<org.auditdm.failures.Recheck.Row> rows = FailureTypeAnalysis.recheck(run, t.model(), refs, probes);
            o.printf(Locale.ROOT, "validated failure types of %s, target %s -> %s (%% failing, [95%% CI])%n",
                    manifest.runId(), config.target(), t.model().id());
            o.printf(Locale.ROOT, "%-14s %-46s %-20s    %-20s %-7s %-20s    %-20s%n", "id", "name", "by consensus",
                    "", "", "by oracle (evaluation)", "");
            FailureTypes types = FailureTypeAnalysis.read(run);
            int shrank = 0;
            for (org.auditdm.failures.Recheck.Row r : rows) {
                FailureType ft = types.types().stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow();
                o.printf(Locale.ROOT, "%-14s %-46s %-20s -> %-20s %-7s %-20s -> %-20s%n", r.id(),
                        r.name().length() > 46 ? r.name().substring(0, 43) + "..." : r.name(), r.before().percent(),
                        r.after().percent(), r.shrank() ? "shrank" : "", ft.validation().targetByOracle().percent(),
                        r.afterByOracle().percent());
                shrank += r.shrank() ? 1 : 0;
            }
            o.printf(Locale.ROOT, "%d of %d shrank significantly (one-sided p < 0.05 each); written to %s%n", shrank,
                    rows.size(), run.resolve("recheck.json"));
            o.flush();
            return 0;
        } finally {
            loaded.forEach(Checkpoints.Loaded::close);
        }
    }

    /** Loads the run's models by the names in its manifest (checking their checksums) and analyses the run. */
    static FailureTypes analyse(Path run, Long seed, int probes, int clusters, PrintWriter err) {
        return analyse(run, (VisionLanguageModel) null, seed, probes, clusters, err);
    }

    /**
     * Analyses a run with its references loaded by name (checksums checked against the manifest) and
     * {@code target}, or, when it is null, the run's target loaded by name too; a given target must have the
     * id the run audited.
     */
    static FailureTypes analyse(Path run, VisionLanguageModel target, Long seed, int probes, int clusters,
                                PrintWriter err) {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("no run directory " + run);
        }
        RunManifest manifest = RunDirectory.readManifest(run);
        AuditConfig config = AuditConfig.fromJson(manifest.config());
        if (target != null && !config.target().equals(target.id())) {
            throw new IllegalArgumentException("run " + run + " audited '" + config.target() + "', not '"
                    + target.id() + "'");
        }
        List<Checkpoints.Loaded> loaded = new ArrayList<>();
        try {
            VisionLanguageModel t = target != null ? target : load(config.target(), manifest, loaded);
            List<VisionLanguageModel> refs = new ArrayList<>();
            for (String r : config.references()) {
                refs.add(load(r, manifest, loaded));
            }
            return analyse(run, t, refs, seed, probes, clusters, err);
        } finally {
            loaded.forEach(Checkpoints.Loaded::close);
        }
    }

    /** Analyses a run with models already loaded. */
    static FailureTypes analyse(Path run, VisionLanguageModel target, List<VisionLanguageModel> refs, Long seed,
                                int probes, int clusters, PrintWriter err) {
        RunManifest manifest = RunDirectory.readManifest(run);
        FailureTypeFinder.Settings d = FailureTypeFinder.Settings.defaults(seed != null ? seed : manifest.seed());
        FailureTypeFinder.Settings settings = new FailureTypeFinder.Settings(clusters, d.minFindings(), probes,
                Math.max(probes, 8 * probes), Math.max(d.generalProbes(), 4 * probes), d.alpha(), d.overlap(),
                d.exemplars(), d.seed());
        Progress[] bar = new Progress[1];
        return FailureTypeAnalysis.run(run, target, refs, new MiniLmEmbedder(), settings,
                new FailureTypeFinder.Listener() {
                    @Override
                    public void clustered(int findings, int k, int candidates) {
                        err.printf(Locale.ROOT, "%d findings in %d clusters: %d candidate types%n",
                                findings, k, candidates);
                        bar[0] = new Progress(err, "re-validate", Math.max(1, candidates));
                    }

                    @Override
                    public void validated(int done, int total) {
                        bar[0].update(done, "");
                        if (done == total) {
                            bar[0].done();
                        }
                    }
                });
    }

    private static VisionLanguageModel load(String name, RunManifest manifest, List<Checkpoints.Loaded> loaded) {
        Checkpoints.Loaded l = Checkpoints.load(ZooModels.resolve(name));
        loaded.add(l);
        String recorded = manifest.models().get(l.model().id());
        if (recorded == null || !recorded.equals(l.metadata().parameterChecksum())) {
            throw new IllegalArgumentException("model '" + name + "' (" + l.model().id()
                    + ") is not the checkpoint this run audited (manifest: " + manifest.models().keySet()
                    + "); re-validating with other models would mix two audits");
        }
        return l.model();
    }

    static void print(PrintWriter o, FailureTypes t) {
        o.printf(Locale.ROOT, "findings %d, in types %d; general target failure rate by consensus %s (n=%d)%n",
                t.findings(), t.clustered(), t.general().targetByConsensus().percent(),
                t.general().targetByConsensus().total());
        o.printf(Locale.ROOT, "validated failure types: %d of %d%n", t.validated().size(), t.types().size());
        o.printf(Locale.ROOT, "%-3s %-14s %-62s %5s  %-20s %-20s%n", "", "id", "name", "finds", "target fails (cons.)",
                "target fails (oracle)");
        for (FailureType ft : t.types()) {
            o.printf(Locale.ROOT, "%-3s %-14s %-62s %5d  %-20s %-20s%n", ft.validated() ? "ok" : "-", ft.id(),
                    ft.name().length() > 62 ? ft.name().substring(0, 59) + "..." : ft.name(), ft.findingIds().size(),
                    ft.validation().targetByConsensus().percent(), ft.validation().targetByOracle().percent());
        }
        o.flush();
    }
}
