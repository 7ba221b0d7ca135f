package org.auditdm.rectify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.train.ProgressListener;
import org.auditdm.zoo.train.TrainingConfig;
import org.auditdm.zoo.train.TrainingSource;
import org.auditdm.zoo.train.ZooTraining;

/**
 * Fine-tunes a target checkpoint on rectification data through {@link ZooTraining#fineTune}: each
 * batch mixes the data with a replay of the original training distribution, so the target learns its
 * failure types without forgetting the rest. The new checkpoint's metadata names its parent (id and
 * checksum) and the data (count and SHA-256); {@value #RECIPE} beside it adds the run id, the data
 * set's recipe and these options.
 */
public final class Rectifier {
    /** The provenance file written into the new checkpoint directory. */
    public static final String RECIPE = "rectification.json";

    /**
     * How to fine-tune.
     *
     * @param steps optimisation steps (the compute budget)
     * @param batchSize examples per step
     * @param learningRate peak learning rate (AdamW, 5% warm-up, cosine to 1% of peak)
     * @param replayFraction share of each batch drawn from the original training distribution
     * @param seed fixes the batches
     */
    public record Options(int steps, int batchSize, double learningRate, double replayFraction, long seed) {
        /** Default replay share: half of every batch replays the original training distribution. */
        public static final double DEFAULT_REPLAY = 0.5;
        /** Default fine-tuning steps (the CLI's {@code --steps} default too). */
        public static final int DEFAULT_STEPS = 3000;

        /**
         * 3,000 steps of 64, peak learning rate 1e-3 (a third of S's training peak), replay 0.5. Measured on
         * clock reading with true labels: 600 steps at 5e-4 or 1e-3, or 1,500 at 5e-4, leave S below 30%;
         * 1,500 at 1e-3 lift it to about 70%. On the main job's run, 8,000 consensus-labelled examples and
         * 3,000 steps gave S+auditdm 44.3 against 42.1 for 4,000 and 1,500 (README, rectification).
         */
        public static Options defaults(long seed) {
            return new Options(DEFAULT_STEPS, 64, 1e-3, DEFAULT_REPLAY, seed);
        }

        public Options {
            if (steps < 1 || batchSize < 1) {
                throw new IllegalArgumentException("steps and batch size must be positive, got " + steps + " and "
                        + batchSize);
            }
            if (!(replayFraction >= 0 && replayFraction < 1)) {
                throw new IllegalArgumentException("replay fraction must be in [0, 1), got " + replayFraction);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
            }
        }

        public TrainingConfig config() {
            return new TrainingConfig(steps, batchSize, learningRate, learningRate / 100, Math.max(1, steps / 20),
                    0.01, 1.0, 0, Math.max(1, steps / 50), 0, seed);
        }

        public Options withSteps(int n) {
            return new Options(n, batchSize, learningRate, replayFraction, seed);
        }

        public Options withSeed(long s) {
            return new Options(steps, batchSize, learningRate, replayFraction, s);
        }
    }

    /** What a rectification produced. */
    public record Result(Path checkpoint, CheckpointMetadata metadata, double seconds) {
    }

    private Rectifier() {
    }

    /**
     * Moves a finished rectification in {@code outDir} that was made from other data aside, to a sibling
     * directory named after it and its checkpoint ({@code auditdm.replaced-S-1652e1944887}), so that a study
     * that owns {@code outDir} can redo it without losing the old one.
     *
     * @return where the old rectification went, or null when there was none or it was made from this data
     */
    public static Path setAsideIfFromOtherData(Path outDir, DataSet data) {
        Map<?, ?> old = finishedRecipe(outDir);
        if (old == null || Objects.equals(old.get("dataSha256"), digestOf(data))) {
            return null;
        }
        String base = outDir.getFileName() + ".replaced-" + old.get("checkpoint");
        Path to = outDir.resolveSibling(base);
        for (int i = 2; Files.exists(to); i++) {
            to = outDir.resolveSibling(base + "-" + i);
        }
        try {
            return Files.move(outDir, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the old rectification " + outDir + " aside to " + to, e);
        }
    }

    /**
     * Fine-tunes {@code parent} on {@code data}. An existing finished checkpoint in {@code outDir} made
     * from the same data and options is returned as is; one made from other data is an error.
     *
     * @param runId the audit run the data came from, recorded in the provenance
     */
    public static Result rectify(Path parent, DataSet data, TrainingSource replay, Options options, Path outDir,
                                 String runId, ProgressListener listener) {
        Objects.requireNonNull(data, "data");
        if (data.examples().isEmpty()) {
            throw new IllegalArgumentException("data set '" + data.name() + "' is empty: nothing to rectify with");
        }
        String digest = digestOf(data);
        Map<?, ?> old = finishedRecipe(outDir);
        if (old != null && !Objects.equals(old.get("dataSha256"), digest)) {
            throw new IllegalArgumentException(outDir + " holds a rectification made from other data; remove it "
                    + "or choose another output directory");
        }
        long start = System.nanoTime();
        ZooTraining.Result r = ZooTraining.fineTune(parent.toAbsolutePath(), data.labeled(), replay,
                options.replayFraction(), options.config(), outDir, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        CheckpointMetadata m = r.metadata();
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("checkpoint", m.id());
        recipe.put("parent", m.parent());
        recipe.put("runId", runId);
        recipe.put("dataSet", data.name());
        recipe.put("dataSize", data.examples().size());
        recipe.put("dataSha256", digest);
        recipe.put("bySource", data.bySource());
        recipe.put("dataRecipe", data.recipe());
        recipe.put("replaySource", replay == null ? "none" : replay.name());
        recipe.put("options", options);
        Path recipeFile = outDir.resolve(RECIPE);
        try {
            DataSet.JSON.writerWithDefaultPrettyPrinter().writeValue(recipeFile.toFile(), recipe);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + recipeFile, e);
        }
        return new Result(r.checkpoint(), m, seconds);
    }

    /**
     * The checkpoints from {@code checkpoint} back to {@code original}, following each recorded parent
     * and checking its checksum: proof that the rectified model descends from the original.
     *
     * @throws IllegalArgumentException when the chain breaks or never reaches {@code original}
     */
    public static List<CheckpointMetadata> chainTo(Path checkpoint, Path original) {
        String root = Checkpoints.readMetadata(original).parameterChecksum();
        List<CheckpointMetadata> chain = new ArrayList<>();
        CheckpointMetadata m = Checkpoints.readMetadata(checkpoint);
        chain.add(m);
        Path current = checkpoint;
        while (!m.parameterChecksum().equals(root)) {
            if (m.parent() == null || chain.size() > 100) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " does not descend from " + original);
            }
            Path p = Path.of(m.parent().location());
            if (!p.isAbsolute() && !Files.isDirectory(p)) {
                // As Checkpoints.provenance: a relative location may be relative to the child's folder.
                p = current.toAbsolutePath().getParent().resolve(p);
            }
            CheckpointMetadata parent = Checkpoints.readMetadata(p);
            if (!parent.parameterChecksum().equals(m.parent().parameterChecksum())) {
                throw new IllegalArgumentException("parent " + p + " has checksum " + parent.parameterChecksum()
                        + " but " + m.id() + " records " + m.parent().parameterChecksum());
            }
            chain.add(parent);
            m = parent;
            current = p;
        }
        return chain;
    }

    /** The recipe of a finished rectification in {@code outDir}, or null when there is none. */
    private static Map<?, ?> finishedRecipe(Path outDir) {
        Path recipeFile = outDir.resolve(RECIPE);
        return Files.exists(outDir.resolve(Checkpoints.METADATA)) && Files.exists(recipeFile)
                ? readRecipe(recipeFile) : null;
    }

    private static Map<?, ?> readRecipe(Path f) {
        try {
            return DataSet.JSON.readValue(f.toFile(), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over the examples' image hashes, questions and labels. */
    static String digestOf(DataSet data) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (RectificationExample e : data.examples()) {
                md.update((e.imageSha() + "\n" + e.question() + "\n" + e.label() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
