package org.auditdm.world.sample;

import java.util.SplittableRandom;
import org.auditdm.world.scene.Scene;

/**
 * The unlabelled image pool: scenes from the uniform prior, with no questions attached. Rectification
 * bootstraps new questions and pseudo-labels from it; the scene graph stays available for measuring
 * label noise with the oracle. Image {@code i} depends only on the pool seed and {@code i}.
 */
public final class ImagePool {
    private static final long STREAM = 0x1A6E_0001L;

    private final SceneSampler scenes = new SceneSampler(WorldPrior.UNIFORM);
    private final long seed;

    public ImagePool(long seed) {
        this.seed = seed;
    }

    public Scene get(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("image index must be non-negative, got " + i);
        }
        return scenes.sample(new SplittableRandom((seed ^ STREAM) * 0x9E3779B1L + 31L * i + 11));
    }
}
