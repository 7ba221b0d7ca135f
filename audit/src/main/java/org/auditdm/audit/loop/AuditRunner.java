package org.auditdm.audit.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.AnswerJudge;
import org.auditdm.api.Auditor;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.photo.PhotoEditSampler;
import org.auditdm.audit.photo.PhotoFolder;
import org.auditdm.audit.photo.PhotoSupport;
import org.auditdm.audit.policy.AuditorPolicy;
import org.auditdm.audit.policy.Grpo;
import org.auditdm.audit.policy.GrpoConfig;
import org.auditdm.audit.policy.GrpoStats;
import org.auditdm.audit.policy.ImageMaker;
import org.auditdm.audit.policy.PolicyAuditor;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.audit.policy.SeedInput;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.audit.run.Discovery;
import org.auditdm.audit.run.DiscoveryProgress;
import org.auditdm.audit.run.DiscoverySettings;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.audit.run.QueryBudget;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunEvent;
import org.auditdm.audit.run.RunManifest;
import org.auditdm.audit.run.SeedSource;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.world.scene.Scene;
import org.auditdm.zoo.train.ZooTraining;

/**
 * The whole audit: GRPO training of the auditor against the target and the reference ensemble,
 * discovery of findings with the trained auditor, and the built-in measurements (search success of
 * the RL auditor, the base auditor and random world text at equal budgets; finding precision).
 *
 * <p>Resumable: discovery commits seed by seed; the RL phase commits once, at its end (an
 * interrupted RL phase is recomputed from its seed, which gives the same auditor).
 */
public final class AuditRunner {
    /** RL seeds come from this far into the seed pool, so they never overlap discovery seeds. */
    public static final int RL_SEED_OFFSET = 1_000_000;
    /** Distinct seeds the RL phase cycles through. */
    public static final int RL_SEEDS = 4096;
    /** Seeds per GRPO step (groups per step). */
    public static final int SEEDS_PER_STEP = 8;
    /** Seeds of the equal-budget comparison between auditors. */
    public static final int MEASURE_SEEDS = 100;
    /** Rendered scenes remembered for the world-text baseline (a seed's own images are always among them). */
    private static final int RECENT_SCENES = 4096;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The models under audit. */
    public record Models(VisionLanguageModel target, List<VisionLanguageModel> references,
                         Map<String, String> checksums) {
    }

    /** One point of the RL reward curve. */
    public record CurvePoint(int step, double meanReward, double validRate, double meanKl, double learningRate) {
    }

    /**
     * What an audit produced.
     *
     * @param questions the questions each model was asked in this invocation, by phase ({@code queries.json})
     * @param targetId the name the target's questions are counted under (the config's, as {@code S})
     */
    public record Summary(Path runDir, List<CurvePoint> rewardCurve, int findings, Map<String, AuditMeasures> measures,
                          double probesPerSecond, List<QueryBudget.Phase> questions, String targetId) {
        public Summary {
            questions = List.copyOf(questions);
        }

        /** Questions the target was asked in phase {@code name}, 0 when the phase did not run here. */
        public long targetQuestions(String name) {
            return questions.stream().filter(p -> p.name().equals(name)).mapToLong(p -> p.of(targetId)).sum();
        }

        /**
         * What the target's questions bought: findings in discovery (a fresh run only: a resumed one, whose speed
         * is NaN, asked only some seeds' questions), then valid failures of each measured auditor.
         */
        public List<Yield> targetYield() {
            List<Yield> out = new ArrayList<>();
            long discovery = targetQuestions(PHASE_DISCOVERY);
            if (!Double.isNaN(probesPerSecond) && discovery > 0) {
                out.add(new Yield(PHASE_DISCOVERY, Yield.FINDINGS, findings, discovery));
            }
            for (Map.Entry<String, AuditMeasures> e : measures.entrySet()) {
                long q = targetQuestions(PHASE_MEASURE + e.getKey());
                if (q > 0) {
                    out.add(new Yield(PHASE_MEASURE + e.getKey(), Yield.VALID_FAILURES,
                            e.getValue().searchSuccess().correct(), q));
                }
            }
            return out;
        }
    }

    /** {@code count} {@code counted} (findings or valid failures) from {@code targetQuestions} in {@code phase}. */
    public record Yield(String phase, String counted, long count, long targetQuestions) {
        public static final String FINDINGS = "findings";
        public static final String VALID_FAILURES = "validFailures";

        public double per100() {
            return 100.0 * count / targetQuestions;
        }
    }

    /** Phase names of {@link Summary#questions()}. */
    public static final String PHASE_GRPO = "grpo";
    public static final String PHASE_DISCOVERY = "discovery";
    /** The equal-budget measurement of one auditor: this prefix and its id. */
    public static final String PHASE_MEASURE = "measure ";

    /** Progress of the phases, for progress bars. */
    public interface Listener {
        default void phase(String name) {
        }

        default void rlStep(CurvePoint point, int maxSteps) {
        }

        default void discovery(DiscoveryProgress progress) {
        }

        default void measuring(String auditor, int seedsDone, int seedsTotal) {
        }
    }

    private final AuditConfig config;
    private final Models models;
    private final AuditorPolicy base;
    private final PolicyCheckpoint.Metadata baseMetadata;
    private final Clock clock;
    private final Path gitDir;
    private final AnswerJudge judge = new NormalizingJudge();
    private final SeedSource seedSource;
    private final PhotoSupport photos;
    private final Auditor promptAuditor;
    /** The policy GRPO starts from (and discovery uses, with 0 steps); null: the base auditor. */
    private final PolicyCheckpoint.Loaded start;
    /** Scenes of recently rendered images by SHA-256, for the world-text baseline (it reads scene graphs). */
    private final Map<String, Scene> recentScenes = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Scene> eldest) {
                    return size() > RECENT_SCENES;
                }
            });

    public AuditRunner(AuditConfig config, Models models, AuditorPolicy base, PolicyCheckpoint.Metadata baseMetadata,
                       Clock clock, Path gitDir) {
        this(config, models, base, baseMetadata, clock, gitDir, null, PhotoSupport.none(), null, null);
    }

    private AuditRunner(AuditConfig config, Models models, AuditorPolicy base, PolicyCheckpoint.Metadata baseMetadata,
                        Clock clock, Path gitDir, SeedSource seedSource, PhotoSupport photos, Auditor promptAuditor,
                        PolicyCheckpoint.Loaded start) {
        this.config = Objects.requireNonNull(config, "config");
        this.models = Objects.requireNonNull(models, "models");
        this.base = Objects.requireNonNull(base, "base");
        this.baseMetadata = baseMetadata;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gitDir = gitDir;
        this.seedSource = seedSource;
        this.photos = Objects.requireNonNull(photos, "photos");
        this.promptAuditor = promptAuditor;
        this.start = start;
    }

    /**
     * Audits photos instead of the config's seed pool. There is no oracle on photos, so the measurement
     * phase (which needs one) is skipped; findings rest on the consensus alone. The RL phase, when it runs,
     * still trains on world seeds; the policy auditor's EDIT texts on photos are random photo edits
     * ({@link PhotoEditSampler}), because it writes the world's edit language.
     */
    public AuditRunner withPhotos(PhotoFolder.Loaded folder, PhotoSupport support) {
        return new AuditRunner(config, models, base, baseMetadata, clock, gitDir, folder.seedSource(), support,
                promptAuditor, start);
    }

    /**
     * Discovers with a prompt-only auditor (for example a {@code ChatAuditor} over HTTP) instead of the
     * GRPO-trained policy: the RL phase is skipped, and the measurements compare it with the base auditor and
     * random world text.
     */
    public AuditRunner withPromptAuditor(Auditor auditor) {
        return new AuditRunner(config, models, base, baseMetadata, clock, gitDir, seedSource, photos,
                Objects.requireNonNull(auditor, "auditor"), start);
    }

    /**
     * Starts the RL auditor from an already trained one (for example {@code auditor/rl} of an earlier run)
     * instead of the base auditor: GRPO trains it the config's {@code steps} more (the KL term still pulls
     * towards the base auditor), and with 0 steps discovery and the measurements use it as it is, so a
     * trained auditor audits another target, or the rectified one, without paying for its training again.
     * Its checksum is part of the run's identity (manifest {@code auditor:start}).
     *
     * @throws IllegalArgumentException when its vocabulary differs from the base auditor's (GRPO's KL term
     *     compares the two token by token)
     */
    public AuditRunner withStartAuditor(PolicyCheckpoint.Loaded trained) {
        Objects.requireNonNull(trained, "trained");
        if (baseMetadata != null && !trained.metadata().vocabulary().equals(baseMetadata.vocabulary())) {
            throw new IllegalArgumentException("the start auditor " + trained.metadata().id() + " writes with another "
                    + "vocabulary than the base auditor " + baseMetadata.id() + "; start from an auditor trained from it");
        }
        return new AuditRunner(config, models, base, baseMetadata, clock, gitDir, seedSource, photos, promptAuditor,
                trained);
    }

    /** Where a run keeps its GRPO-trained auditor. */
    public static Path rlAuditorDir(Path runDir) {
        return runDir.resolve("auditor").resolve("rl");
    }

    /** Runs (or resumes) the audit in {@code config.output()}. */
    public Summary run(Listener listener) {
        Path dir = Path.of(config.output());
        SeedSource seeds = seedSource != null ? seedSource
                : SeedSource.pool(config.seedPool(), config.seedOffset(), config.seeds());
        Map<String, String> checksums = new LinkedHashMap<>(models.checksums());
        if (baseMetadata != null) {
            checksums.put("auditor:base", baseMetadata.parameterChecksum());
        }
        if (start != null) {
            checksums.put("auditor:start", start.metadata().parameterChecksum());
        }
        RunManifest manifest = RunManifest.describe(runId(), clock, checksums, config.toJson(), seeds.describe(),
                config.seed(), gitDir);
        QueryBudget budget = new QueryBudget();
        // Counted under the names the config gives them (S, R1, ...) when it names each model given.
        boolean named = config.references().size() == models.references().size();
        String targetName = named ? config.target() : models.target().id();
        VisionLanguageModel target = budget.count(models.target(), targetName);
        List<VisionLanguageModel> references = new ArrayList<>();
        for (int i = 0; i < models.references().size(); i++) {
            VisionLanguageModel r = models.references().get(i);
            references.add(budget.count(r, named ? config.references().get(i) : r.id()));
        }
        try (RunDirectory run = RunDirectory.createOrResume(dir, manifest, clock);
             ModelCaller caller = new ModelCaller(config.callPolicy())) {
            ReferenceEnsemble ensemble = new ReferenceEnsemble(references, judge);
            ProbeBuilder builder = new ProbeBuilder(run.images(), config.imageSide(), config.seed(), photos,
                    (picture, scene) -> recentScenes.put(picture.sha256(), scene));
            Evaluator evaluator = new Evaluator(builder, new Judging(target, ensemble, judge, caller)
                    .withMinConfidence(config.minConfidence()),
                    config.checkPresuppositions());

            List<CurvePoint> curve = new ArrayList<>();
            Auditor discoverer;
            if (promptAuditor != null) {
                discoverer = promptAuditor;
            } else {
                listener.phase("rl");
                budget.phase(PHASE_GRPO);
                AuditorPolicy trained = reinforce(run, evaluator, curve, listener);
                discoverer = new PolicyAuditor("auditor:rl", trained, config.temperature());
            }

            listener.phase("discovery");
            budget.phase(PHASE_DISCOVERY);
            long discoveryStart = System.nanoTime();
            // Photo seeds: the trained auditor with photo edits. World seeds: the configured mix of auditors.
            Auditor onSeeds = promptAuditor != null ? discoverer
                    : seedSource != null ? PhotoEditSampler.withPhotoEdits(discoverer)
                    : discoveryAuditor(discoverer);
            new Discovery(onSeeds, evaluator, run, config.discoverySettings()).run(seeds, listener::discovery);
            int probes = 0;
            for (RunEvent e : run.committedEvents()) {
                if (e instanceof RunEvent.SeedProcessed s) {
                    probes += s.probes();
                }
            }
            double seconds = (System.nanoTime() - discoveryStart) / 1e9;

            Map<String, AuditMeasures> measures = Map.of();
            if (seedSource == null) {
                listener.phase("measure");
                measures = measure(run, evaluator, seeds, discoverer, listener, budget);
                write(run.dir().resolve("measures.json"), measures);
            }
            Summary summary = new Summary(run.dir(), curve, run.findings().size(), measures,
                    run.resumed() ? Double.NaN : probes / Math.max(seconds, 1e-9), budget.phases(), targetName);
            write(run.dir().resolve(QUERIES_FILE), queries(summary, budget.models()));
            return summary;
        }
    }

    /** The base (prompt-only) auditor, sampling at the configured temperature as the RL auditor does. */
    private Auditor baseAuditor() {
        return new PolicyAuditor("auditor:base", base, config.temperature());
    }

    /** The trained auditor alone, or mixed with the base auditor and world-text sampling per the config. */
    private Auditor discoveryAuditor(Auditor rl) {
        Map<Auditor, Double> members = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : config.discoveryMix().entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            Auditor a = switch (e.getKey()) {
                case "rl" -> rl;
                case "base" -> baseAuditor();
                case "world" -> new RandomTextAuditor(recentScenes::get);
                default -> throw new IllegalStateException("unknown discovery auditor " + e.getKey());
            };
            members.put(a, e.getValue());
        }
        return members.size() == 1 && members.containsKey(rl) ? rl : new PortfolioAuditor(members);
    }

    private String runId() {
        return "audit-" + Integer.toHexString(Objects.hash(config.toJson().toString()));
    }

    /** GRPO against the engine's reward, or the committed result of an earlier attempt. */
    private AuditorPolicy reinforce(RunDirectory run, Evaluator evaluator, List<CurvePoint> curve, Listener listener) {
        Path rlDir = rlAuditorDir(run.dir());
        Path curveFile = run.dir().resolve("reward-curve.json");
        for (RunEvent e : run.committedEvents()) {
            if (e instanceof RunEvent.AuditorCheckpoint c && c.auditorId().equals("auditor:rl")) {
                curve.addAll(readCurve(curveFile));
                return PolicyCheckpoint.load(rlDir).policy();
            }
        }
        AuditorPolicy policy = (start != null ? start.policy() : base).copy();
        if (config.steps() == 0) {
            return policy;
        }
        GrpoConfig d = GrpoConfig.defaults(config.seed());
        double[] modes = modeWeights();
        // Paired groups as often as discovery pairs: one (new question, new image) probe per edit or caption.
        double paired = config.pairNewQuestionWithNewImage() ? modes[1] + modes[2] : 0;
        GrpoConfig grpo = new GrpoConfig(config.groupSize(), SEEDS_PER_STEP, config.learningRate(), d.warmupFraction(),
                d.minLearningRateFraction(), d.clipEpsilon(), config.klWeight(), d.temperature(), config.steps(),
                d.epochs(), d.weightDecay(), d.clipNorm(), modes, config.seed(), paired);
        SeedPool pool = new SeedPool(config.seedPool());
        Map<String, Seed> byId = new HashMap<>();
        Map<String, Picture> images = new HashMap<>();
        try (Grpo trainer = new Grpo(policy, base, grpo)) {
            EngineReward reward = new EngineReward(evaluator, byId, config.validTextReward(),
                    config.creditBothPairings());
            ImageMaker maker = (seed, mode, text) -> evaluator.builder()
                    .counterfactual(byId.get(seed.id()), ProbeText.of(mode, text)).orElse(null);
            for (int step = 0; step < config.steps(); step++) {
                List<SeedInput> batch = new ArrayList<>(SEEDS_PER_STEP);
                for (int j = 0; j < SEEDS_PER_STEP; j++) {
                    int index = RL_SEED_OFFSET + Math.floorMod(step * SEEDS_PER_STEP + j, RL_SEEDS);
                    Seed s = pool.get(index);
                    byId.put(s.id(), s);
                    Picture img = images.computeIfAbsent(s.id(), k -> evaluator.builder().seedImage(s));
                    batch.add(new SeedInput(s.id(), img, s.question()));
                }
                GrpoStats stats = trainer.step(batch, reward, maker);
                long valid = reward.last().stream().filter(x -> x.status() == Evaluated.Status.VALID).count();
                // The curve's reward is the disagreement reward alone (without any valid-text bonus).
                double disagreements = reward.last().stream().mapToInt(Evaluated::reward).average().orElse(0);
                CurvePoint p = new CurvePoint(stats.step() + 1, disagreements,
                        (double) valid / Math.max(1, reward.last().size()), stats.meanKl(), stats.learningRate());
                curve.add(p);
                listener.rlStep(p, config.steps());
            }
        }
        PolicyCheckpoint.Metadata meta = PolicyCheckpoint.save(policy, rlDir, "auditor:rl",
                Map.of("method", "GRPO", "steps", config.steps(), "groupSize", config.groupSize(),
                        "seedsPerStep", SEEDS_PER_STEP, "pairedWeight", grpo.pairedWeight(),
                        "learningRate", grpo.learningRate(),
                        "klWeight", grpo.klWeight(), "clipEpsilon", grpo.clipEpsilon(),
                        "validTextReward", config.validTextReward(), "imageTextCredit", config.imageTextCredit()),
                start != null ? start.metadata() : baseMetadata);
        write(curveFile, curve);
        run.append(new RunEvent.AuditorCheckpoint(config.steps(), "auditor:rl",
                run.dir().relativize(rlDir).toString(), meta.parameterChecksum()));
        return policy;
    }

    private double[] modeWeights() {
        double[] w = new double[3];
        for (ProbeMode m : ProbeMode.values()) {
            w[m.ordinal()] = config.modeWeights().getOrDefault(m, 0.0);
        }
        return w;
    }

    /**
     * The equal-budget comparison: on the same seeds, each auditor writes the same number of texts
     * per seed in the same modes; the oracle then says which pairs are real failures.
     */
    private Map<String, AuditMeasures> measure(RunDirectory run, Evaluator evaluator, SeedSource seeds,
                                               Auditor rl, Listener listener, QueryBudget budget) {
        int n = Math.min(MEASURE_SEEDS, seeds.size());
        List<Auditor> auditors = List.of(rl, baseAuditor(),
                new RandomTextAuditor(recentScenes::get));
        DiscoverySettings settings = config.discoverySettings();
        Map<String, Seed> seedsById = new HashMap<>();
        for (int i = 0; i < n; i++) {
            seedsById.put(seeds.get(i).id(), seeds.get(i));
        }
        Map<String, AuditMeasures> out = new LinkedHashMap<>();
        for (Auditor a : auditors) {
            budget.phase(PHASE_MEASURE + a.id());
            List<Evaluated> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SplittableRandom rng = ZooTraining.stepRandom(config.seed() ^ 0x4D45415355524BL, i);
                all.addAll(evaluator.evaluate(Discovery.plan(a, evaluator.builder(), seeds.get(i), settings, rng)));
                listener.measuring(a.id(), i + 1, n);
            }
            out.put(a.id(), AuditMeasures.of(all, judge, id -> {
                Seed s = seedsById.get(id);
                return s == null ? null : s.scene().kind().name().toLowerCase(Locale.ROOT);
            }));
        }
        return out;
    }

    /** Where {@link #queries} goes in the run directory. */
    public static final String QUERIES_FILE = "queries.json";

    /**
     * {@code queries.json}: the questions per model and phase of this invocation, and what the target's
     * questions bought: findings per 100 in discovery (a fresh run only: a resumed one asked only some seeds'
     * questions) and, per auditor of the measurement, valid failures per 100.
     */
    private static Map<String, Object> queries(Summary s, Map<String, String> models) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scope", "this invocation of the audit (a resumed run counts only its own questions); every question "
                + "asked of a model, presupposition checks and retries included");
        doc.put("target", s.targetId());
        doc.put("models", models);
        doc.put("phases", s.questions());
        Map<String, Object> yield = new LinkedHashMap<>();
        for (Yield y : s.targetYield()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(y.counted(), y.count());
            m.put("targetQuestions", y.targetQuestions());
            m.put(y.counted() + "Per100", y.per100());
            yield.put(y.phase(), m);
        }
        doc.put("targetYield", yield);
        return doc;
    }

    private static void write(Path file, Object value) {
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<CurvePoint> readCurve(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return List.of(JSON.readValue(file.toFile(), CurvePoint[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
