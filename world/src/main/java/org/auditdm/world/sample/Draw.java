package org.auditdm.world.sample;

import java.util.List;
import java.util.SplittableRandom;

/** Weighted and uniform draws from a seeded random stream. */
public final class Draw {
    private Draw() {
    }

    /** An index drawn with probability proportional to its weight. */
    public static int weighted(SplittableRandom rng, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("all weights are zero");
    }

    public static <E extends Enum<E>> E weighted(SplittableRandom rng, E[] values, double[] weights) {
        return values[weighted(rng, weights)];
    }

    public static <T> T uniform(SplittableRandom rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    public static <T> T uniform(SplittableRandom rng, T[] items) {
        return items[rng.nextInt(items.length)];
    }

    public static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    /** Uniform in [lo, hi). */
    public static double between(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
