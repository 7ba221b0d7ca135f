package org.auditdm.rectify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TreeMap;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.failures.FailureTypeAnalysis;
import org.auditdm.failures.FailureTypes;
import org.auditdm.failures.Recheck;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.bench.BenchItem;
import org.auditdm.world.bench.BenchRunner;
import org.auditdm.world.bench.Suite;
import org.auditdm.world.bench.SuiteGenerator;
import org.auditdm.world.bench.SuiteScores;
import org.auditdm.world.render.Renderer;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.train.TrainingSource;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * The rectification study behind the README table ({@code auditdm bench rectify RUN}): builds the
 * auditdm data and the two controls at the same size, fine-tunes the target on each with the same
 * steps, batch, learning rate, replay share and seed (equal added data, equal compute), evaluates the
 * target, the three fine-tunes and the references on the 16 held-out suites, and writes
 * {@value #FILE} into the run directory.
 */
public final class RectificationStudy {
    public static final String FILE = "rectification.json";

    /** Row names of the table. */
    public static final String TARGET = "S";
    public static final String AUDITDM = "S+auditdm";
    public static final String RANDOM = "S+random";
    public static final String BASE = "S+base-auditor";
    /** The diagnostic row: the auditdm data with the oracle's labels ({@link OracleLabels}). */
    public static final String ORACLE = "S+auditdm-oracle-labels";

    /**
     * Which fine-tunes the study makes besides S+auditdm.
     *
     * @param controls the two controls (random true-labelled samples, base-auditor findings)
     * @param oracleLabels the diagnostic row {@value #ORACLE}
     * @param seeds fine-tunes per data set, with fine-tuning seeds {@code seed, seed + 1, ...} on the same data;
     *     the table pools them and the spread is reported beside it ({@link SeedSpread})
     */
    public record Rows(boolean controls, boolean oracleLabels, int seeds) {
        /** The main job's round: S+auditdm only. */
        public static final Rows BEFORE_AFTER = new Rows(false, false);
        /** The README study: S+auditdm and the two controls. */
        public static final Rows CONTROLS = new Rows(true, false);

        public Rows {
            if (seeds < 1) {
                throw new IllegalArgumentException("fine-tune seeds must be at least 1, got " + seeds);
            }
        }

        /** One fine-tune per data set. */
        public Rows(boolean controls, boolean oracleLabels) {
            this(controls, oracleLabels, 1);
        }
    }

    /**
     * @param table the benchmark table
     * @param dataSize examples per data set (equal for all three)
     * @param datasets per data set: size, sources, pseudo-label error
     * @param checkpoints per fine-tune: id, directory, seconds, steps per second
     * @param improvements each fine-tune against the target
     * @param seeds the fine-tuning seeds, each fine-tuned row's suite average per seed, and the rows' paired
     *     differences to S+auditdm ({@link SeedSpread#describe})
     * @param failureTypes per fine-tuned row, the run's validated failure types re-validated with it
     *     ({@link TypeFixes}); empty when the run has no validated types
     */
    public record Result(String runId, BenchTable table, int dataSize, Map<String, Object> datasets,
                         Map<String, Object> checkpoints, List<BenchTable.Improvement> improvements,
                         Map<String, Object> seeds, Map<String, Object> failureTypes, Map<String, Object> options,
                         List<String> markdown) {
    }

    private RectificationStudy() {
    }

    /**
     * Runs the study.
     *
     * @param sampler fresh probes of a failure type for augment, or null (augment is then skipped and the
     *     result says so)
     * @param benchSize items per suite (300 in the README)
     */
    public static Result run(Workspace ws, DataBuilder.Recipe recipe, Rectifier.Options options, TypeSampler sampler,
                             int benchSize, StudyListener listener) {
        return run(ws, recipe, options, sampler, benchSize, listener, Rows.CONTROLS, Map.of());
    }

    /**
     * @param rows the fine-tunes besides S+auditdm: {@link Rows#BEFORE_AFTER} for the main job's round (S and
     *     S+auditdm, then the references), {@link Rows#CONTROLS} for the README study
     * @param comparisons further checkpoints evaluated as the table's last rows, by name (the target's larger
     *     siblings, which the rectified target is measured against); may be empty
     */
    public static Result run(Workspace ws, DataBuilder.Recipe recipe, Rectifier.Options options, TypeSampler sampler,
                             int benchSize, StudyListener listener, Rows rows, Map<String, Path> comparisons) {
        boolean controls = rows.controls();
        AnswerVocabulary vocabulary = ws.target().model().answerVocabulary();
        DataBuilder builder = new DataBuilder(ws.runDir(), ws.judging(), vocabulary, recipe);
        TrainingSource training = WorldSource.training();
        DataSet auditdm = builder.auditdm(ws.auditors(), sampler, listener);
        DataSet base = controls ? builder.baseAuditor(ws.baseAuditor(), listener) : null;
        int n = controls ? Math.min(auditdm.examples().size(), base.examples().size()) : auditdm.examples().size();
        if (n == 0) {
            throw new IllegalStateException("no rectification data could be labelled (the ensemble never agreed)");
        }
        if (n < recipe.size()) {
            listener.info("equal size: " + n + " examples per data set (asked for " + recipe.size() + ")");
        }
        auditdm = DataBuilder.truncate(auditdm, n);
        Map<String, DataSet> data = new LinkedHashMap<>();
        data.put(AUDITDM, auditdm);
        if (controls) {
            data.put(RANDOM, builder.random(training, n));
            data.put(BASE, DataBuilder.truncate(base, n));
        }
        if (rows.oracleLabels()) {
            data.put(ORACLE, OracleLabels.of(auditdm, vocabulary));
        }

        NormalizingJudge judge = new NormalizingJudge();
        Map<String, Object> datasets = new LinkedHashMap<>();
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        Map<String, List<Path>> dirs = new LinkedHashMap<>();
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < rows.seeds(); k++) {
            seeds.add(options.seed() + k);
        }
        for (Map.Entry<String, DataSet> e : data.entrySet()) {
            DataSet d = e.getValue();
            d.write(RectifyJob.dataDir(ws.runDir(), d.name()));
            datasets.put(d.name(), describe(d, judge));
            for (long seed : seeds) {
                // The first seed keeps the single fine-tune's directory, so earlier studies' fine-tunes are reused.
                boolean first = seed == options.seed();
                String name = seedRow(e.getKey(), seed, first);
                Path out = RectifyJob.rectifyDir(ws.runDir()).resolve("study")
                        .resolve(first ? d.name() : d.name() + "-seed" + seed);
                Path replaced = Rectifier.setAsideIfFromOtherData(out, d);
                if (replaced != null) {
                    listener.info(out + " held a fine-tune made from other data (other options or code); kept as "
                            + replaced);
                }
                Rectifier.Options o = options.withSeed(seed);
                StudyListener.Phase p = listener.begin("fine-tune " + name, o.steps());
                Rectifier.Result r = Rectifier.rectify(ws.targetDir(), d, training, o, out, ws.runId(),
                        progress -> p.update(progress.step(), String.format(Locale.ROOT, "loss %.3f", progress.loss())));
                p.done();
                dirs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(out);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", r.metadata().id());
                c.put("dir", out.toString());
                c.put("seed", seed);
                c.put("parent", r.metadata().parent());
                c.put("seconds", r.seconds());
                c.put("stepsPerSecond", o.steps() / Math.max(1e-9, r.seconds()));
                checkpoints.put(name, c);
            }
        }

        List<BenchItem> items = new ArrayList<>();
        SuiteGenerator gen = new SuiteGenerator();
        for (Suite s : Suite.values()) {
            items.addAll(gen.generate(s, benchSize));
        }
        BenchRunner runner = new BenchRunner(Renderer.DEFAULT_SIDE, judge);
        Map<String, SuiteScores> scores = new LinkedHashMap<>();
        scores.put(TARGET, evaluate(runner, ws.target().model(), TARGET, items, listener));
        // Each fine-tune is loaded once: scored on the suites and, when the run has validated failure types,
        // re-validated on them.
        boolean recheck = Files.isRegularFile(ws.runDir().resolve(FailureTypes.FILE))
                && !FailureTypeAnalysis.read(ws.runDir()).validated().isEmpty();
        List<VisionLanguageModel> refs = ws.references().stream().map(l -> (VisionLanguageModel) l.model()).toList();
        Map<String, List<Double>> seedAverages = new LinkedHashMap<>();
        Map<String, Object> typeFixes = new LinkedHashMap<>();
        List<String> typeLines = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : dirs.entrySet()) {
            List<SuiteScores> perSeed = new ArrayList<>();
            List<List<Recheck.Row>> rechecks = new ArrayList<>();
            for (int k = 0; k < e.getValue().size(); k++) {
                String name = seedRow(e.getKey(), seeds.get(k), k == 0);
                try (Checkpoints.Loaded l = Checkpoints.load(e.getValue().get(k))) {
                    perSeed.add(evaluate(runner, l.model(), name, items, listener));
                    if (recheck) {
                        rechecks.add(FailureTypeAnalysis.recheckRows(ws.runDir(), l.model(), refs, TypeFixes.PROBES));
                    }
                }
            }
            scores.put(e.getKey(), SeedSpread.pooled(e.getKey(), perSeed));
            seedAverages.put(e.getKey(), perSeed.stream().map(SuiteScores::average).toList());
            if (recheck) {
                List<Recheck.Row> pooled = TypeFixes.pooled(rechecks);
                typeFixes.put(e.getKey(), TypeFixes.describe(pooled));
                typeLines.add(TypeFixes.line(e.getKey(), pooled));
            }
        }
        if (recheck) {
            listener.info("failure types rechecked with each fine-tune (" + TypeFixes.PROBES + " fresh probes per type)");
        }
        List<String> refNames = new ArrayList<>(ws.referenceDirs().keySet());
        for (int i = 0; i < refNames.size(); i++) {
            scores.put(refNames.get(i), evaluate(runner, ws.references().get(i).model(), refNames.get(i), items,
                    listener));
        }
        for (Map.Entry<String, Path> e : comparisons.entrySet()) {
            if (!scores.containsKey(e.getKey())) {
                try (Checkpoints.Loaded l = Checkpoints.load(e.getValue())) {
                    scores.put(e.getKey(), evaluate(runner, l.model(), e.getKey(), items, listener));
                }
            }
        }
        BenchTable table = BenchTable.of(scores);
        List<BenchTable.Improvement> improvements = new ArrayList<>();
        for (String row : data.keySet()) {
            improvements.add(table.improvement(row, TARGET));
        }
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("recipe", recipe.describe());
        opts.put("training", options);
        opts.put("replaySource", training.name());
        opts.put("benchSize", benchSize);
        opts.put("augment", sampler == null ? "not run: no failure-type sampler" : "run");
        opts.put("controls", controls);
        opts.put("oracleLabels", rows.oracleLabels());
        opts.put("fineTuneSeeds", seeds);
        List<String> md = new ArrayList<>(markdown(table, improvements, datasets));
        md.addAll(SeedSpread.lines(seeds, seedAverages, AUDITDM));
        md.addAll(typeLines);
        Result result = new Result(ws.runId(), table, n, datasets, checkpoints, improvements,
                SeedSpread.describe(seeds, seedAverages, AUDITDM), typeFixes, opts, md);
        write(ws.runDir().resolve(FILE), result);
        return result;
    }

    /** The row name of one fine-tune: the data set's row for the first seed, with the seed for the others. */
    private static String seedRow(String row, long seed, boolean first) {
        return first ? row : row + " (seed " + seed + ")";
    }

    private static SuiteScores evaluate(BenchRunner runner, VisionLanguageModel model, String name,
                                        List<BenchItem> items, StudyListener listener) {
        StudyListener.Phase p = listener.begin("eval " + name, items.size());
        SuiteScores s = runner.evaluate(model, items, done -> p.update(done, ""));
        p.done();
        return s;
    }

    static Map<String, Object> describe(DataSet d, NormalizingJudge judge) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", d.examples().size());
        m.put("bySource", d.bySource());
        Accuracy err = PseudoLabelError.of(d.examples(), judge);
        m.put("pseudoLabelError", Map.of("errors", err.correct(), "checked", err.total(), "rate", nanSafe(err.rate()),
                "low", nanSafe(err.low()), "high", nanSafe(err.high())));
        Map<String, Object> bySource = new LinkedHashMap<>();
        for (Source s : d.bySource().keySet()) {
            Accuracy a = PseudoLabelError.of(d.examples().stream().filter(x -> x.provenance().source() == s).toList(),
                    judge);
            bySource.put(s.name(), Map.of("errors", a.correct(), "checked", a.total(), "rate", nanSafe(a.rate())));
        }
        m.put("pseudoLabelErrorBySource", bySource);
        // Families come from parsing each question: group once, then count and measure per group.
        Map<String, List<RectificationExample>> families = d.examples().stream()
                .collect(Collectors.groupingBy(RectificationExample::family, TreeMap::new, Collectors.toList()));
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Object> byFamily = new LinkedHashMap<>();
        families.forEach((f, xs) -> {
            counts.put(f, xs.size());
            Accuracy a = PseudoLabelError.of(xs, judge);
            byFamily.put(f, Map.of("errors", a.correct(), "checked", a.total(), "rate", nanSafe(a.rate())));
        });
        m.put("byFamily", counts);
        m.put("pseudoLabelErrorByFamily", byFamily);
        m.put("oracleCoverage", nanSafe(PseudoLabelError.coverage(d.examples())));
        m.put("recipe", d.recipe());
        return m;
    }

    private static Object nanSafe(double v) {
        return Double.isNaN(v) ? "n/a" : v;
    }

    /** "56.9% [54.7, 59.1] of 1949 checkable" from the error's map; the map as is when it has another shape. */
    private static String errorText(Object error) {
        if (error instanceof Map<?, ?> m && m.get("rate") instanceof Number rate && m.get("low") instanceof Number low
                && m.get("high") instanceof Number high) {
            return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f] of %s checkable", 100 * rate.doubleValue(),
                    100 * low.doubleValue(), 100 * high.doubleValue(), m.get("checked"));
        }
        return String.valueOf(error);
    }

    static List<String> markdown(BenchTable table, List<BenchTable.Improvement> improvements,
                                 Map<String, Object> datasets) {
        List<String> out = new ArrayList<>(table.markdown());
        out.add("");
        for (BenchTable.Improvement i : improvements) {
            out.add(String.format(Locale.ROOT, "%s vs %s: %d of %d suites improved (%d with disjoint 95%% intervals), "
                            + "%d worse, average %+.1f points", i.model(), i.baseline(), i.improved(), i.suites(),
                    i.significantlyImproved(), i.worse(), 100 * i.averageGain()));
        }
        for (Map.Entry<String, Object> e : datasets.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) e.getValue();
            out.add("data " + e.getKey() + ": " + d.get("size") + " examples " + d.get("bySource")
                    + ", pseudo-label error vs oracle " + errorText(d.get("pseudoLabelError")));
        }
        return out;
    }

    private static void write(Path file, Result r) {
        try {
            DataSet.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
