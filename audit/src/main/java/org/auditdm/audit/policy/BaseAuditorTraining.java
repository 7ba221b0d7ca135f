package org.auditdm.audit.policy;

import org.auditdm.zoo.train.AdamW;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.probe.ProbeTextSampler;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.zoo.train.ZooTraining;

/**
 * Supervised training of the base auditor: teacher-forced cross-entropy on (seed image, seed
 * question, mode) -> text pairs, where seeds come from a {@link SeedPool} and texts from the
 * {@link ProbeTextSampler}. The result writes texts that parse but are not aimed at any model's
 * weakness: the starting point of GRPO and the "prompt-only auditor" baseline.
 *
 * <p>Deterministic: step {@code k}'s batch depends only on (config seed, k), and parameters start
 * from the config seed. The time budget only decides when to stop (a run cut by time is the same
 * as a run of that many steps).
 */
public final class BaseAuditorTraining {
    private BaseAuditorTraining() {
    }

    /**
     * Configuration.
     *
     * @param vocabularyCorpus seeds whose sampled texts (every mode) build the vocabulary
     * @param poolSeed seed of the {@link SeedPool} the training seeds come from
     * @param poolSize training seeds are indices 0 .. poolSize - 1 of that pool
     * @param warmupFraction share of maxSteps with linear warm-up; then cosine to 10% of the peak
     * @param timeBudget stop early when training has taken this long (null = no limit)
     */
    public record Config(PolicySpec spec, int vocabularyCorpus, long seed, long poolSeed, int poolSize, int batchSize,
                         int maxSteps, double learningRate, double warmupFraction, double weightDecay,
                         double clipNorm, Duration timeBudget) {
        public Config {
            Objects.requireNonNull(spec, "spec");
            if (vocabularyCorpus < 0 || poolSize < 1 || batchSize < 1 || maxSteps < 0) {
                throw new IllegalArgumentException("corpus must be >= 0, pool size and batch size positive, steps >= 0");
            }
            if (!(learningRate > 0) || !(warmupFraction >= 0 && warmupFraction < 1)) {
                throw new IllegalArgumentException("learning rate must be positive and warm-up in [0, 1)");
            }
        }

        /** A standard base-auditor run of {@code steps} steps of 64 texts. */
        public static Config standard(int steps, long seed) {
            return new Config(PolicySpec.standard(), 3000, seed, 7, 20_000, 64, steps, 2e-3, 0.05, 0.01, 1.0, null);
        }
    }

    /** Progress every {@code every} steps and at the end. */
    public interface Listener {
        void onProgress(int step, int maxSteps, double loss, double learningRate);
    }

    /**
     * A trained policy and how training went.
     *
     * @param stepsDone optimisation steps taken
     * @param lastLoss mean token cross-entropy of the last 20 steps (or fewer)
     * @param stoppedByTime true when the time budget ended training before maxSteps
     */
    public record Result(AuditorPolicy policy, int stepsDone, double lastLoss, boolean stoppedByTime) {
    }

    /** Trains a base auditor in memory. */
    public static Result train(Config config, Listener listener) {
        TextVocabulary vocab = TextVocabulary.world(config.vocabularyCorpus(), config.poolSeed());
        AuditorPolicy policy = AuditorPolicy.create(config.spec(), vocab, config.seed());
        try {
            return continueTraining(policy, config, listener);
        } catch (RuntimeException e) {
            policy.close();
            throw e;
        }
    }

    /**
     * Trains a base auditor and saves it to {@code outDir} ({@link PolicyCheckpoint} layout), with
     * the config, steps, loss and per-mode parse rates on 100 held-out seeds in its metadata.
     */
    public static PolicyCheckpoint.Metadata train(Config config, Path outDir, Listener listener) {
        Result r = train(config, listener);
        try (AuditorPolicy policy = r.policy()) {
            Map<ProbeMode, Double> rates = parseRates(policy, config.poolSeed(), config.poolSize(), 100, 1.0, 1);
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("kind", "supervised base auditor");
            training.put("config", config.toString());
            training.put("stepsDone", r.stepsDone());
            training.put("lastLoss", r.lastLoss());
            training.put("stoppedByTime", r.stoppedByTime());
            for (var e : rates.entrySet()) {
                training.put("parseRate." + e.getKey().word(), e.getValue());
            }
            return PolicyCheckpoint.save(policy, outDir, "auditor:base", training, null);
        }
    }

    /** Further supervised steps on an existing policy (its vocabulary is kept). */
    public static Result continueTraining(AuditorPolicy policy, Config config, Listener listener) {
        Batches batches = new Batches(policy, config);
        long start = System.nanoTime();
        double[] window = new double[20];
        int filled = 0;
        int step = 0;
        boolean byTime = false;
        policy.parameters().setRequiresGradient(true);
        try (AdamW adam = new AdamW(policy.parameters())) {
            for (; step < config.maxSteps(); step++) {
                if (config.timeBudget() != null && System.nanoTime() - start > config.timeBudget().toNanos()) {
                    byTime = true;
                    break;
                }
                Batch batch = batches.batch(step);
                double lr = LearningRates.schedule(config.learningRate(), step, config.maxSteps(), config.warmupFraction(), 0.1);
                double loss;
                try (NDManager scope = policy.manager().newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logp = policy.tokenLogProbabilities(scope, policy.context(scope, batch.inputs()),
                                batch.targets(), 1.0);
                        NDArray l = logp.sum().div(-batch.tokenCount());
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    adam.update(scope, lr, config.weightDecay(), config.clipNorm());
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("base auditor training diverged at step " + step);
                }
                window[step % window.length] = loss;
                filled = Math.min(window.length, filled + 1);
                if (listener != null && ((step + 1) % 20 == 0 || step + 1 == config.maxSteps())) {
                    listener.onProgress(step + 1, config.maxSteps(), mean(window, filled), lr);
                }
            }
        } finally {
            policy.parameters().setRequiresGradient(false);
        }
        return new Result(policy, step, filled == 0 ? Double.NaN : mean(window, filled), byTime);
    }

    private static double mean(double[] w, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i];
        }
        return s / n;
    }

    /**
     * Share of finished texts usable in their mode ({@link TextValidity}): the policy writes one
     * text per mode for each of {@code seeds} seeds taken after the training range of the pool
     * (indices poolSize, poolSize + 1, ...).
     */
    public static Map<ProbeMode, Double> parseRates(AuditorPolicy policy, long poolSeed, int poolSize, int seeds,
                                                    double temperature, long samplingSeed) {
        SeedPool pool = new SeedPool(poolSeed);
        Renderer renderer = new Renderer();
        List<Seed> held = pool.range(poolSize, poolSize + seeds);
        Map<ProbeMode, Double> out = new EnumMap<>(ProbeMode.class);
        SplittableRandom rng = new SplittableRandom(samplingSeed);
        List<Picture> pictures = held.stream().map(s -> renderer.render(s.scene(), policy.spec().imageSize())).toList();
        for (ProbeMode mode : ProbeMode.values()) {
            List<PolicyInput> inputs = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                inputs.add(new PolicyInput(pictures.get(i), held.get(i).question(), mode));
            }
            List<AuditorPolicy.Generation> gen = policy.generate(inputs, 1, temperature, rng);
            int ok = 0;
            for (AuditorPolicy.Generation g : gen) {
                if (g.finished() && TextValidity.valid(mode, g.text(), held.get(g.input()).scene())) {
                    ok++;
                }
            }
            out.put(mode, (double) ok / gen.size());
        }
        return out;
    }

    /** One supervised batch. */
    record Batch(List<PolicyInput> inputs, List<int[]> targets, int tokenCount) {
    }

    /** Draws batches: a function of (config seed, step) only. Seeds and images are cached. */
    static final class Batches {
        private final AuditorPolicy policy;
        private final Config config;
        private final SeedPool pool;
        private final Renderer renderer = new Renderer();
        private final ProbeTextSampler sampler = new ProbeTextSampler();
        private final Map<Integer, Seed> seeds = new java.util.HashMap<>();
        private final Map<Integer, Picture> pictures = new java.util.HashMap<>();

        Batches(AuditorPolicy policy, Config config) {
            this.policy = policy;
            this.config = config;
            this.pool = new SeedPool(config.poolSeed());
        }

        Batch batch(int step) {
            SplittableRandom rng = ZooTraining.stepRandom(config.seed(), step);
            List<PolicyInput> inputs = new ArrayList<>(config.batchSize());
            List<int[]> targets = new ArrayList<>(config.batchSize());
            int tokens = 0;
            TextVocabulary vocab = policy.vocabulary();
            int limit = policy.spec().maxTextTokens() - 1;
            while (inputs.size() < config.batchSize()) {
                int index = rng.nextInt(config.poolSize());
                Seed seed = seeds.computeIfAbsent(index, pool::get);
                ProbeMode mode = ProbeMode.values()[rng.nextInt(ProbeMode.values().length)];
                String text = sampler.sample(mode, seed.scene(), rng);
                // Texts the policy could not write whole (too long, unknown words) would teach it to
                // stop mid-sentence or to write <unk>: draw another pair instead.
                if (!vocab.covers(text) || vocab.encode(text).length > limit) {
                    continue;
                }
                Picture p = pictures.computeIfAbsent(index,
                        i -> renderer.render(seed.scene(), policy.spec().imageSize()));
                inputs.add(new PolicyInput(p, seed.question(), mode));
                int[] t = policy.targetsOf(text);
                targets.add(t);
                tokens += t.length;
            }
            return new Batch(inputs, targets, tokens);
        }
    }
}
