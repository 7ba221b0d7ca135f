package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.config.AuditConfigLoader;
import org.auditdm.audit.connect.AuditModels;
import org.auditdm.audit.loop.AuditRunner;
import org.auditdm.audit.photo.PhotoFolder;
import org.auditdm.audit.photo.PhotoSupport;
import org.auditdm.audit.policy.BaseAuditorTraining;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.audit.remote.AuditorPrompt;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.connectors.CallStats;
import org.auditdm.connectors.TargetFactory;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.zoo.checkpoint.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm audit}: trains the auditor with GRPO against a target and a reference ensemble,
 * then mass-produces findings. Settings: defaults shipped in the jar, then {@code --config FILE},
 * then flags.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit a target against a reference ensemble: GRPO-train the auditor, discover findings, "
                + "measure search success against the base auditor and random world text.")
public class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.json", description = "user config overriding the defaults")
    Path configFile;

    @Option(names = "--target", description = "model under audit: a zoo preset (S, M, L), a checkpoint dir, or the "
            + "name of a target spec declared in the config's 'targets'")
    String target;

    @Option(names = "--reference", split = ",", description = "reference models, comma-separated (zoo presets, "
            + "checkpoint dirs or target spec names)")
    List<String> references;

    @Option(names = "--seeds-dir", paramLabel = "DIR", description = "audit the photos in DIR (jpg, png; webp with an "
            + "ImageIO plugin) instead of world seeds; NAME.txt beside NAME.jpg holds its seed question")
    String seedsDir;

    @Option(names = "--seed-question", description = "question for photos without a NAME.txt (default: \""
            + PhotoFolder.DEFAULT_QUESTION + "\")")
    String seedQuestion;

    @Option(names = "--auditor", description = "policy (GRPO-trained, default) or http:NAME: a chat model declared in "
            + "the config's 'targets', prompted to write texts (prompt-only, no RL)")
    String auditor;

    @Option(names = "--seeds", description = "seeds to audit")
    Integer seeds;

    @Option(names = "--steps", description = "GRPO steps")
    Integer steps;

    @Option(names = "--learning-rate", description = "GRPO peak learning rate")
    Double learningRate;

    @Option(names = "--kl-weight", description = "GRPO KL weight (beta) to the base auditor")
    Double klWeight;

    @Option(names = "--min-confidence", description = "reward only agreements every reference gives at least this "
            + "probability (0: off)")
    Double minConfidence;

    @Option(names = "--valid-text-reward", description = "GRPO reward added for text that makes a probe (0: the "
            + "paper's plain 0/1 reward)")
    Double validTextReward;

    @Option(names = "--image-text-credit", description = "GRPO credit of a paired edit or caption: pair (the "
            + "(new question, new image) pair's reward) or both (plus the seed's question asked about its image)")
    String imageTextCredit;

    @Option(names = "--temperature", description = "sampling temperature of the policy auditors in discovery and "
            + "measurement (GRPO samples at 1)")
    Double temperature;

    @Option(names = "--seed", description = "run seed")
    Long seed;

    @Option(names = "--samples-per-seed", description = "auditor texts per seed in discovery")
    Integer samplesPerSeed;

    @Option(names = {"-o", "--out"}, description = "run directory (an unfinished run there is resumed)")
    String out;

    @Option(names = "--base", description = "base auditor checkpoint (default: models/auditor/base; trained if missing)")
    Path baseDir;

    @Option(names = "--start-auditor", paramLabel = "DIR", description = "start GRPO from this trained auditor "
            + "(e.g. runs/main/auditor/rl) instead of the base auditor; with --steps 0 it audits as it is, without "
            + "training (a trained auditor on another or a rectified target)")
    Path startAuditor;

    @Option(names = "--base-minutes", defaultValue = "6",
            description = "time budget for training a missing base auditor (default: ${DEFAULT-VALUE})")
    double baseMinutes;

    /** Presets a subclass applies before the user's file and flags. */
    protected Map<String, String> presetFlags() {
        return Map.of();
    }

    @Override
    public Integer call() {
        Map<String, String> flags = new LinkedHashMap<>(presetFlags());
        put(flags, "target", target);
        if (references != null) {
            flags.put("references", String.join(",", references));
        }
        put(flags, "seeds", seeds);
        put(flags, "steps", steps);
        put(flags, "seed", seed);
        put(flags, "learningRate", learningRate);
        put(flags, "klWeight", klWeight);
        put(flags, "minConfidence", minConfidence);
        put(flags, "validTextReward", validTextReward);
        put(flags, "temperature", temperature);
        put(flags, "imageTextCredit", imageTextCredit);
        put(flags, "samplesPerSeed", samplesPerSeed);
        put(flags, "output", out);
        put(flags, "seedsDir", seedsDir);
        put(flags, "seedQuestion", seedQuestion);
        put(flags, "auditor", auditor);
        AuditConfig config = AuditConfigLoader.load(configFile, flags);
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        PhotoFolder.Loaded photos = null;
        if (config.photoSeeds()) {
            photos = PhotoFolder.load(Path.of(config.seedsDir()), config.imageSide(), config.seedQuestion());
            err.println("photo seeds: " + photos.seeds().size() + " from " + photos.dir()
                    + (photos.problems().isEmpty() ? "" : ", " + photos.problems().size() + " file(s) skipped:"));
            photos.problems().forEach(p -> err.println("  " + p));
        }
        try (AuditModels models = AuditModels.open(config, TargetFactory.system(null),
                name -> Checkpoints.load(ZooModels.resolve(name)))) {
            Path base = baseDir != null ? baseDir : ZooModels.baseAuditor();
            if (!Files.isDirectory(base)) {
                err.println("no base auditor at " + base + "; training one (about " + baseMinutes + " minutes)");
                Progress p = new Progress(err, "base auditor", 4000);
                BaseAuditorTraining.Config c = BaseAuditorTraining.Config.standard(4000, 1);
                c = new BaseAuditorTraining.Config(c.spec(), c.vocabularyCorpus(), c.seed(), c.poolSeed(), c.poolSize(),
                        c.batchSize(), c.maxSteps(), c.learningRate(), c.warmupFraction(), c.weightDecay(),
                        c.clipNorm(), java.time.Duration.ofSeconds((long) (baseMinutes * 60)));
                BaseAuditorTraining.train(c, base, (step, max, loss, lr) ->
                        p.update(step, String.format(Locale.ROOT, "loss %.3f", loss)));
                p.done();
            }
            try (PolicyCheckpoint.Loaded auditorCheckpoint = PolicyCheckpoint.load(base);
                 PolicyCheckpoint.Loaded startCheckpoint = startAuditor == null ? null : loadStart(startAuditor)) {
                AuditRunner runner = new AuditRunner(config,
                        new AuditRunner.Models(models.target(), models.references(), models.checksums()),
                        auditorCheckpoint.policy(), auditorCheckpoint.metadata(), Clock.systemUTC(), ZooModels.home());
                if (photos != null) {
                    runner = runner.withPhotos(photos, PhotoSupport.of(photos, null));
                }
                if (startCheckpoint != null) {
                    runner = runner.withStartAuditor(startCheckpoint);
                    err.println("RL auditor starts from " + startCheckpoint.metadata().id() + " ("
                            + startAuditor + "), " + config.steps() + " GRPO steps");
                }
                if (config.httpAuditor()) {
                    runner = runner.withPromptAuditor(models.httpAuditor(photos != null
                            ? AuditorPrompt.Language.PHOTO : AuditorPrompt.Language.WORLD));
                }
                int seedCount = photos != null ? photos.seeds().size() : config.seeds();
                AuditRunner.Summary s = runner.run(listener(err, config, seedCount));
                report(o, s);
                if (photos != null) {
                    o.println("photo seeds have no oracle: findings rest on the reference consensus only "
                            + "(no search success or finding precision)");
                }
                List<CallStats> stats = models.callStats();
                Path calls = AuditModels.writeCalls(s.runDir(), stats);
                if (!stats.isEmpty()) {
                    o.println("model calls (this invocation; also in " + calls + "):");
                    AuditModels.describe(stats).forEach(line -> o.println("  " + line));
                }
                afterAudit(s.runDir(), models.target(), models.references(), o, err);
            }
        }
        return 0;
    }

    private static PolicyCheckpoint.Loaded loadStart(Path dir) {
        if (!Files.isRegularFile(dir.resolve(PolicyCheckpoint.METADATA))) {
            throw new IllegalArgumentException("no auditor checkpoint at " + dir + " (a run's trained auditor is RUN/auditor/rl)");
        }
        return PolicyCheckpoint.load(dir);
    }

    /** What a subclass does with the finished run while the models are still loaded. */
    protected void afterAudit(Path runDir, VisionLanguageModel target, List<VisionLanguageModel> references,
                              PrintWriter out, PrintWriter err) {
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }

    private static AuditRunner.Listener listener(PrintWriter err, AuditConfig config, int seedCount) {
        return new AuditRunner.Listener() {
            Progress bar;

            @Override
            public void phase(String name) {
                if (bar != null) {
                    bar.done();
                }
                bar = switch (name) {
                    case "rl" -> new Progress(err, "GRPO", Math.max(1, config.steps()));
                    case "discovery" -> new Progress(err, "discovery", seedCount);
                    default -> new Progress(err, "measure", 3L * Math.min(AuditRunner.MEASURE_SEEDS, config.seeds()));
                };
            }

            @Override
            public void rlStep(AuditRunner.CurvePoint p, int maxSteps) {
                bar.update(p.step(), String.format(Locale.ROOT, "reward %.3f valid %.2f kl %.3f",
                        p.meanReward(), p.validRate(), p.meanKl()));
            }

            @Override
            public void discovery(org.auditdm.audit.run.DiscoveryProgress p) {
                bar.update(p.seedsDone(), String.format(Locale.ROOT, "findings %d mean reward %.3f",
                        p.findings(), p.meanReward()));
            }

            int measured;

            @Override
            public void measuring(String auditor, int done, int total) {
                bar.update(++measured, auditor);
            }
        };
    }

    static void report(PrintWriter o, AuditRunner.Summary s) {
        o.println("run directory: " + s.runDir());
        if (!s.rewardCurve().isEmpty()) {
            AuditRunner.CurvePoint first = s.rewardCurve().get(0);
            AuditRunner.CurvePoint last = s.rewardCurve().get(s.rewardCurve().size() - 1);
            int k = Math.min(10, s.rewardCurve().size());
            double head = s.rewardCurve().subList(0, k).stream().mapToDouble(AuditRunner.CurvePoint::meanReward).average().orElse(0);
            double tail = s.rewardCurve().subList(s.rewardCurve().size() - k, s.rewardCurve().size()).stream()
                    .mapToDouble(AuditRunner.CurvePoint::meanReward).average().orElse(0);
            o.printf(Locale.ROOT, "GRPO: %d steps, mean reward %.3f (first %d steps) -> %.3f (last %d)%n",
                    last.step(), head, k, tail, k);
        }
        o.println("findings: " + s.findings());
        if (!Double.isNaN(s.probesPerSecond())) {
            o.printf(Locale.ROOT, "discovery speed: %.1f probes/s (generate + render + 3 models + judge)%n",
                    s.probesPerSecond());
        }
        if (!s.measures().isEmpty()) {
            printMeasures(o, s);
        }
        printQuestions(o, s);
    }

    /** Questions per phase and model, then what the target's questions bought. */
    static void printQuestions(PrintWriter o, AuditRunner.Summary s) {
        if (s.questions().isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(s.questions().get(0).questions().keySet());
        o.printf("%-36s", "questions asked (this invocation)");
        ids.forEach(id -> o.printf(" %-22s", (id.equals(s.targetId()) ? "target " : "") + id));
        o.println();
        long[] totals = new long[ids.size()];
        for (org.auditdm.audit.run.QueryBudget.Phase p : s.questions()) {
            o.printf("  %-34s", p.name());
            for (int i = 0; i < ids.size(); i++) {
                totals[i] += p.of(ids.get(i));
                o.printf(" %-22d", p.of(ids.get(i)));
            }
            o.println();
        }
        o.printf("  %-34s", "total");
        for (long t : totals) {
            o.printf(" %-22d", t);
        }
        o.println();
        List<String> parts = new java.util.ArrayList<>();
        for (AuditRunner.Yield y : s.targetYield()) {
            parts.add(y.counted().equals(AuditRunner.Yield.FINDINGS)
                    ? String.format(Locale.ROOT, "findings in discovery %.1f", y.per100())
                    : String.format(Locale.ROOT, "valid failures %s %.1f",
                    y.phase().substring(AuditRunner.PHASE_MEASURE.length()), y.per100()));
        }
        if (!parts.isEmpty()) {
            o.println("per 100 target questions: " + String.join("; ", parts));
        }
    }

    private static void printMeasures(PrintWriter o, AuditRunner.Summary s) {
        o.printf("%-28s %-22s %-22s %-22s%n", "auditor (equal budget)", "search success", "finding precision",
                "valid text");
        for (Map.Entry<String, AuditMeasures> e : s.measures().entrySet()) {
            AuditMeasures m = e.getValue();
            o.printf("%-28s %-22s %-22s %-22s%n", e.getKey(), m.searchSuccess().percent(),
                    m.findingPrecision().percent(), m.validText().percent());
        }
        printSplit(o, "search success by probe", s.measures(), AuditMeasures::searchSuccessByProbe);
        printSplit(o, "search success by seed", s.measures(), AuditMeasures::searchSuccessBySeed);
    }

    /** One row per kind (of probe or seed), one column per auditor; nothing when no auditor has the split. */
    private static void printSplit(PrintWriter o, String title, Map<String, AuditMeasures> measures,
                                   Function<AuditMeasures, Map<String, Accuracy>> split) {
        Set<String> kinds = new TreeSet<>();
        measures.values().forEach(m -> kinds.addAll(split.apply(m).keySet()));
        if (kinds.isEmpty()) {
            return;
        }
        o.printf("%-28s", title);
        measures.keySet().forEach(id -> o.printf(" %-30s", id));
        o.println();
        for (String kind : kinds) {
            o.printf("  %-26s", kind);
            for (AuditMeasures m : measures.values()) {
                Accuracy a = split.apply(m).get(kind);
                o.printf(" %-30s", a == null ? "-" : a.percent() + " n=" + a.total());
            }
            o.println();
        }
    }
}
