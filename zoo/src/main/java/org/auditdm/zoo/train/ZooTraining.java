package org.auditdm.zoo.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training, resume and fine-tuning of zoo models.
 *
 * <p>Reproducibility: parameters are initialised from {@code seed}, and the batch of step {@code s} is drawn
 * from a {@link SplittableRandom} derived only from ({@code seed}, {@code s}). Together with exact float32
 * checkpoints of the parameters and the AdamW moments, an interrupted run resumed from its last checkpoint
 * ends with the same parameters, bit for bit, as an uninterrupted one.
 *
 * <p>Only one training may run per process at a time (DJL allows one open gradient collector).
 */
public final class ZooTraining {
    private static final Logger LOG = LoggerFactory.getLogger(ZooTraining.class);

    /** Words in the question vocabulary are kept if seen at least this often in the corpus. */
    public static final int MIN_WORD_COUNT = 1;
    public static final int MAX_QUESTION_VOCABULARY = 4096;

    private ZooTraining() {
    }

    /** The result of a run: the checkpoint written at the end and why the run stopped. */
    public record Result(Path checkpoint, CheckpointMetadata metadata, StopReason stopReason, boolean resumed) {
    }

    /** {@link #train(ModelSpec, TrainingConfig, TrainingSource, Path, ProgressListener, Clock)} with the UTC clock. */
    public static Result train(ModelSpec spec, TrainingConfig config, TrainingSource source, Path checkpointDir,
                               ProgressListener listener) {
        return train(spec, config, source, checkpointDir, listener, Clock.systemUTC());
    }

    /**
     * Trains a fresh model, or resumes if {@code checkpointDir} holds an unfinished checkpoint of the same run
     * (same spec, data source and config apart from time budget and reporting). A finished checkpoint is
     * returned as is. Checkpoints are float32 and carry the optimiser state; use
     * {@link Checkpoints#export} for a compact float16 copy.
     */
    public static Result train(ModelSpec spec, TrainingConfig config, TrainingSource source, Path checkpointDir,
                               ProgressListener listener, Clock clock) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        if (Files.exists(checkpointDir.resolve(Checkpoints.METADATA))) {
            CheckpointMetadata meta = Checkpoints.readMetadata(checkpointDir);
            checkSameRun(meta, spec, config, source, checkpointDir);
            Checkpoints.Loaded loaded = Checkpoints.load(checkpointDir);
            try (ZooModel model = loaded.model()) {
                return run(model, config, source, checkpointDir, listener, clock, meta, meta.parent(),
                        meta.dataRecipe());
            }
        }
        AnswerVocabulary answers = source.answers();
        QuestionVocabulary questions = QuestionVocabulary.build(source.questionCorpus(), MIN_WORD_COUNT,
                MAX_QUESTION_VOCABULARY);
        try (ZooModel model = ZooModel.initialise("zoo:" + spec.name(), spec, questions, answers, config.seed())) {
            return run(model, config, source, checkpointDir, listener, clock, null, null, null);
        }
    }

    /** {@link #fineTune(Path, List, TrainingSource, double, TrainingConfig, Path, ProgressListener, Clock)} with the UTC clock. */
    public static Result fineTune(Path parentCheckpoint, List<LabeledExample> items, TrainingSource replay,
                                  double replayFraction, TrainingConfig config, Path checkpointDir,
                                  ProgressListener listener) {
        return fineTune(parentCheckpoint, items, replay, replayFraction, config, checkpointDir, listener,
                Clock.systemUTC());
    }

    /**
     * Fine-tunes a checkpoint on targeted examples mixed with replayed data: each batch takes
     * {@code round(replayFraction * batchSize)} examples from {@code replay} and the rest uniformly (with
     * replacement) from {@code items}. The optimiser starts fresh. The new checkpoint records the parent's id
     * and checksum and the data recipe. Question words unseen by the parent map to the unknown token; answers
     * must be in the parent's closed answer vocabulary.
     */
    public static Result fineTune(Path parentCheckpoint, List<LabeledExample> items, TrainingSource replay,
                                  double replayFraction, TrainingConfig config, Path checkpointDir,
                                  ProgressListener listener, Clock clock) {
        if (items.isEmpty() && replayFraction < 1) {
            throw new IllegalArgumentException("fine-tuning needs items unless replayFraction is 1");
        }
        if (!(replayFraction >= 0 && replayFraction <= 1)) {
            throw new IllegalArgumentException("replayFraction must be in [0, 1], got " + replayFraction);
        }
        CheckpointMetadata parentMeta = Checkpoints.readMetadata(parentCheckpoint);
        AnswerVocabulary answers = new AnswerVocabulary(parentMeta.answerVocabulary());
        for (int i = 0; i < items.size(); i++) {
            if (!answers.contains(items.get(i).answer())) {
                throw new IllegalArgumentException("fine-tuning item " + i + " has answer '" + items.get(i).answer()
                        + "' outside the parent's closed answer vocabulary");
            }
        }
        TrainingSource mixed = new MixedSource(items, replay, replayFraction, answers);
        CheckpointMetadata.ParentCheckpoint parent = new CheckpointMetadata.ParentCheckpoint(parentMeta.id(),
                parentMeta.parameterChecksum(), parentCheckpoint.toString());
        CheckpointMetadata.DataRecipe recipe = new CheckpointMetadata.DataRecipe("fine-tune", items.size(),
                digest(items), replay == null ? "none" : replay.name(), replayFraction);
        Path start = Files.exists(checkpointDir.resolve(Checkpoints.METADATA)) ? checkpointDir : parentCheckpoint;
        CheckpointMetadata resumeFrom = null;
        if (start.equals(checkpointDir)) {
            resumeFrom = Checkpoints.readMetadata(checkpointDir);
            checkSameRun(resumeFrom, parentMeta.spec(), config, mixed, checkpointDir);
        }
        Checkpoints.Loaded loaded = Checkpoints.load(start);
        try (ZooModel model = loaded.model()) {
            return run(model, config, mixed, checkpointDir, listener, clock, resumeFrom, parent, recipe);
        }
    }

    private static void checkSameRun(CheckpointMetadata meta, ModelSpec spec, TrainingConfig config,
                                     TrainingSource source, Path dir) {
        if (meta.training() == null || !meta.spec().equals(spec) || !meta.training().config().sameRunAs(config)
                || !meta.training().dataSource().equals(source.name())) {
            throw new IllegalArgumentException("checkpoint directory " + dir + " holds a different run ("
                    + meta.id() + "); choose an empty directory or the same spec, source and config to resume");
        }
        boolean finished = meta.training().stepsDone() >= config.maxSteps();
        if (!finished && (meta.precision() != Precision.FLOAT32 || !Files.exists(dir.resolve(Checkpoints.OPTIMIZER)))) {
            throw new IllegalArgumentException("checkpoint " + dir + " is not resumable (needs float32 parameters "
                    + "and optimiser state)");
        }
    }

    private static Result run(ZooModel model, TrainingConfig config, TrainingSource source, Path dir,
                              ProgressListener listener, Clock clock, CheckpointMetadata resumeFrom,
                              CheckpointMetadata.ParentCheckpoint parent, CheckpointMetadata.DataRecipe recipe) {
        int done = resumeFrom == null ? 0 : resumeFrom.training().stepsDone();
        boolean resumed = resumeFrom != null;
        if (done >= config.maxSteps()) {
            return new Result(dir, resumeFrom, StopReason.MAX_STEPS, true);
        }
        AnswerVocabulary answers = model.answerVocabulary();
        model.parameters().setRequiresGradient(true);
        try (AdamW adam = new AdamW(model.parameters())) {
            if (resumed) {
                adam.restore(Checkpoints.readOptimizer(dir));
                LOG.info("resuming {} at step {} of {}", resumeFrom.id(), done, config.maxSteps());
            }
            long started = System.nanoTime();
            long windowStart = started;
            int windowSteps = 0;
            double windowLoss = 0;
            double windowAcc = 0;
            double lastLoss = Double.NaN;
            double lastAcc = Double.NaN;
            StopReason stop = StopReason.MAX_STEPS;
            int step = done;
            int nonFinite = 0;
            while (step < config.maxSteps()) {
                if (config.maxMinutes() > 0 && (System.nanoTime() - started) / 60e9 >= config.maxMinutes()) {
                    stop = StopReason.TIME_BUDGET;
                    break;
                }
                step++;
                List<LabeledExample> batch = source.next(stepRandom(config.seed(), step), config.batchSize());
                double lr = config.learningRate(step);
                float[] stats = trainStep(model, adam, batch, answers, lr, config);
                lastLoss = stats[0];
                lastAcc = stats[1];
                if (!Double.isFinite(lastLoss)) {
                    // The step was skipped (AdamW leaves the parameters alone on a non-finite gradient); only a
                    // run of them is divergence.
                    nonFinite++;
                    LOG.warn("step {}: loss {}, update skipped ({} in a row)", step, lastLoss, nonFinite);
                    if (nonFinite >= MAX_NON_FINITE_IN_A_ROW) {
                        throw new IllegalStateException("training diverged at step " + step + " (loss " + lastLoss
                                + " " + nonFinite + " steps in a row); lower the learning rate");
                    }
                    continue;
                }
                nonFinite = 0;
                windowLoss += lastLoss;
                windowAcc += lastAcc;
                windowSteps++;
                boolean last = step == config.maxSteps();
                if (config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0 && !last) {
                    save(model, adam, dir, config, source, step, null, lastLoss, lastAcc, parent, recipe, clock);
                }
                if (step % config.logEvery() == 0 || last) {
                    long now = System.nanoTime();
                    double secs = (now - windowStart) / 1e9;
                    double eps = windowSteps * config.batchSize() / Math.max(secs, 1e-9);
                    double eta = (config.maxSteps() - step) * config.batchSize() / Math.max(eps, 1e-9);
                    TrainingProgress p = new TrainingProgress(step, config.maxSteps(), windowLoss / windowSteps,
                            windowAcc / windowSteps, lr, eps, eta);
                    LOG.info(String.format("step %d/%d loss %.4f acc %.3f lr %.2e %.1f ex/s eta %.0f s", step,
                            config.maxSteps(), p.loss(), p.accuracy(), lr, eps, eta));
                    listener.onProgress(p);
                    windowStart = now;
                    windowSteps = 0;
                    windowLoss = 0;
                    windowAcc = 0;
                }
            }
            CheckpointMetadata meta = save(model, adam, dir, config, source, step, stop, lastLoss, lastAcc, parent,
                    recipe, clock);
            LOG.info("training stopped at step {} ({}); checkpoint {}", step, stop, meta.id());
            return new Result(dir, meta, stop, resumed);
        } finally {
            model.parameters().setRequiresGradient(false);
        }
    }

    /** One optimisation step; returns {loss, accuracy} of the batch. */
    static float[] trainStep(ZooModel model, AdamW adam, List<LabeledExample> batch, AnswerVocabulary answers,
                             double lr, TrainingConfig config) {
        int b = batch.size();
        List<Picture> images = new ArrayList<>(b);
        List<String> texts = new ArrayList<>(b);
        int[] labels = new int[b];
        for (int i = 0; i < b; i++) {
            LabeledExample e = batch.get(i);
            images.add(e.image());
            texts.add(e.question());
            labels[i] = answers.id(e.answer());
        }
        try (NDManager scope = model.parameters().manager().newSubManager()) {
            NDArray logits;
            float loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray[] out = model.forward(scope, images, texts, true, true);
                logits = out[0];
                NDArray target = scope.create(labels).oneHot(answers.size());
                NDArray lossArray = logits.logSoftmax(-1).mul(target).sum(new int[] {1}).neg().mean();
                if (out[1] != null) {
                    NDArray dense = denseLoss(scope, out[1], batch, model.spec().denseClasses());
                    if (dense != null) {
                        lossArray = lossArray.add(dense.mul(DENSE_WEIGHT));
                    }
                }
                if (out.length > 2 && out[2] != null) {
                    NDArray grounding = groundingLoss(scope, out[2], batch);
                    if (grounding != null) {
                        lossArray = lossArray.add(grounding.mul(GROUNDING_WEIGHT));
                    }
                }
                gc.backward(lossArray);
                loss = lossArray.getFloat();
            }
            float[] l = logits.toFloatArray();
            int correct = 0;
            int a = answers.size();
            for (int i = 0; i < b; i++) {
                int best = 0;
                for (int j = 1; j < a; j++) {
                    if (l[i * a + j] > l[i * a + best]) {
                        best = j;
                    }
                }
                correct += best == labels[i] ? 1 : 0;
            }
            adam.update(scope, lr, config.weightDecay(), config.gradientClipNorm());
            return new float[] {loss, (float) correct / b};
        }
    }

    /** Steps in a row with a non-finite loss (each skipped) that count as divergence. */
    static final int MAX_NON_FINITE_IN_A_ROW = 10;

    /** Weight of the pointers' grounding loss next to the answer loss. */
    static final float GROUNDING_WEIGHT = 1f;

    /**
     * The pointers' grounding loss, or null when no example in the batch grounds a pointer: the mean, over every
     * (example, pointer) whose referent covers a cell, of minus the log of the attention the pointer puts on that
     * referent's cells. {@code attention} is (B, P, cells).
     */
    static NDArray groundingLoss(NDManager scope, NDArray attention, List<LabeledExample> batch) {
        int b = batch.size();
        int pointers = (int) attention.getShape().get(1);
        int cells = (int) attention.getShape().get(2);
        float[] mask = new float[b * pointers * cells];
        float[] valid = new float[b * pointers];
        int n = 0;
        for (int i = 0; i < b; i++) {
            Grounding g = batch.get(i).grounding();
            if (g == null) {
                continue;
            }
            if (g.owner().length != cells) {
                throw new IllegalArgumentException("grounding on " + g.owner().length + " cells, the pointers attend over "
                        + cells);
            }
            for (int k = 0; k < pointers; k++) {
                if (!g.has(k)) {
                    continue;
                }
                valid[i * pointers + k] = 1f;
                n++;
                for (int c = 0; c < cells; c++) {
                    if (g.owner()[c] == g.referents()[k]) {
                        mask[(i * pointers + k) * cells + c] = 1f;
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        NDArray onReferent = attention.mul(scope.create(mask, new Shape(b, pointers, cells))).sum(new int[] {2});
        NDArray nll = onReferent.add(1e-6f).log().neg().mul(scope.create(valid, new Shape(b, pointers)));
        return nll.sum().div((float) n);
    }

    /** Weight of the dense heads' loss next to the answer loss. */
    static final float DENSE_WEIGHT = 1f;

    /**
     * Weight of the cells no object covers, against the covered ones, in the dense loss: most cells are empty, and
     * at equal weight they drowned the objects (measured: after 1,100 steps of S the heads named the colour of
     * 58% of covered cells and the shape of 14%).
     */
    static final float EMPTY_CELL_WEIGHT = 0.1f;

    /**
     * The dense heads' loss, or null when no example in the batch carries dense targets: per head, the mean
     * cross-entropy over the covered cells (class > 0) of the examples with targets plus {@link #EMPTY_CELL_WEIGHT}
     * times the mean over their empty cells; averaged over heads. {@code dense} is (B, K, G, G) with K the sum of
     * {@code classes}; head 0's class 0 marks an empty cell.
     */
    static NDArray denseLoss(NDManager scope, NDArray dense, List<LabeledExample> batch, List<Integer> classes) {
        int b = batch.size();
        int k = (int) dense.getShape().get(1);
        int g = (int) dense.getShape().get(2);
        int cells = g * g;
        float[] oneHot = new float[b * k * cells];
        int covered = 0;
        int empty = 0;
        for (int i = 0; i < b; i++) {
            DenseTargets t = batch.get(i).dense();
            if (t == null) {
                continue;
            }
            if (t.grid() != g || t.heads() != classes.size()) {
                throw new IllegalArgumentException("dense targets on a " + t.grid() + "-cell grid with " + t.heads()
                        + " heads do not fit the network's " + g + "-cell grid with " + classes.size() + " heads");
            }
            for (int c = 0; c < cells; c++) {
                if (t.classes()[c] > 0) {
                    covered++;
                } else {
                    empty++;
                }
            }
        }
        if (covered + empty == 0) {
            return null;
        }
        float coveredWeight = covered == 0 ? 0f : 1f / covered;
        float emptyWeight = empty == 0 ? 0f : EMPTY_CELL_WEIGHT / empty;
        for (int i = 0; i < b; i++) {
            DenseTargets t = batch.get(i).dense();
            if (t == null) {
                continue;
            }
            int channel = 0;
            for (int h = 0; h < classes.size(); h++) {
                for (int c = 0; c < cells; c++) {
                    int cls = t.classes()[h * cells + c];
                    oneHot[(i * k + channel + cls) * cells + c] = t.classes()[c] > 0 ? coveredWeight : emptyWeight;
                }
                channel += classes.get(h);
            }
        }
        NDList parts = new NDList();
        int channel = 0;
        for (int n : classes) {
            parts.add(dense.get(new NDIndex(":, {}:{}", channel, channel + n)).logSoftmax(1));
            channel += n;
        }
        NDArray target = scope.create(oneHot, new Shape(b, k, g, g));
        return NDArrays.concat(parts, 1).mul(target).sum().neg().div((float) classes.size());
    }

    private static CheckpointMetadata save(ZooModel model, AdamW adam, Path dir, TrainingConfig config,
                                           TrainingSource source, int step, StopReason stop, double loss, double acc,
                                           CheckpointMetadata.ParentCheckpoint parent,
                                           CheckpointMetadata.DataRecipe recipe, Clock clock) {
        CheckpointMetadata.TrainingRecord record = new CheckpointMetadata.TrainingRecord(config,
                config.scheduleName(), source.name(), step, stop, loss, acc, adam.step());
        return Checkpoints.save(model, dir, Precision.FLOAT32, record, parent, recipe, adam.state(), clock);
    }

    /**
     * Seconds per optimisation step of a fresh model on {@code source} (mean over {@code steps} steps after two
     * warm-up steps; includes batch drawing and encoding). Nothing is saved.
     */
    public static double secondsPerStep(ZooModel model, TrainingSource source, int batchSize, int steps) {
        TrainingConfig config = new TrainingConfig(steps + 2, batchSize, 1e-3, 1e-5, 1, 0.01, 1.0, 0, 1, 0, 1);
        model.parameters().setRequiresGradient(true);
        try (AdamW adam = new AdamW(model.parameters())) {
            long start = 0;
            for (int step = 1; step <= steps + 2; step++) {
                if (step == 3) {
                    start = System.nanoTime();
                }
                List<LabeledExample> batch = source.next(stepRandom(1, step), batchSize);
                trainStep(model, adam, batch, model.answerVocabulary(), config.learningRate(step), config);
            }
            return (System.nanoTime() - start) / 1e9 / steps;
        } finally {
            model.parameters().setRequiresGradient(false);
        }
    }

    /** The data stream of one step: a function of (seed, step) only, so resume replays it exactly. */
    public static SplittableRandom stepRandom(long seed, int step) {
        // Seeds must differ non-linearly: SplittableRandom(s + k * golden gamma) is the stream of
        // SplittableRandom(s) shifted by k draws, which made consecutive batches nearly identical.
        long z = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L).nextLong() ^ (step * 0xD1B54A32D192ED03L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private static String digest(List<LabeledExample> items) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LabeledExample e : items) {
                md.update((e.image().sha256() + "\n" + e.question() + "\n" + e.answer() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
