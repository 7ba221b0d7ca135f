package org.auditdm.world.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.scene.Scene;

/**
 * The seed pool: (image, question) pairs drawn from the training distribution, playing VQAv2's role
 * in the paper. Seeds come from their own random stream, so they are new images, not the zoo's
 * training examples. Seed {@code i} depends only on the pool seed and {@code i}.
 */
public final class SeedPool {
    private static final long STREAM = 0x5EED_9001L;

    private final SceneSampler scenes = new SceneSampler(WorldPrior.TRAINING);
    private final QuestionSampler questions = new QuestionSampler();
    private final long seed;

    public SeedPool(long seed) {
        this.seed = seed;
    }

    /** The {@code i}-th seed. */
    public Seed get(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("seed index must be non-negative, got " + i);
        }
        SplittableRandom rng = new SplittableRandom((seed ^ STREAM) * 0x9E3779B1L + 31L * i + 7);
        for (int attempt = 0; attempt < 100; attempt++) {
            Scene scene = scenes.sample(rng);
            Optional<QA> qa = questions.sampleQa(scene, rng, QuestionSampler.uniformWeights(), false);
            if (qa.isPresent()) {
                return new Seed(String.format(Locale.ROOT, "seed-%06d", i), scene, qa.get().text(), qa.get().answer());
            }
        }
        throw new IllegalStateException("no answerable question found for seed " + i);
    }

    /** Seeds {@code from} (inclusive) to {@code to} (exclusive). */
    public List<Seed> range(int from, int to) {
        List<Seed> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(get(i));
        }
        return out;
    }
}
