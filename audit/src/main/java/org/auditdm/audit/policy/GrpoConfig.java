package org.auditdm.audit.policy;

import java.util.Arrays;

/**
 * Hyperparameters of the GRPO update.
 *
 * @param groupSize texts sampled per (seed, mode) group; advantages are normalised within a group
 * @param seedsPerStep groups per step (the batch holds {@code seedsPerStep * groupSize} texts)
 * @param learningRate peak AdamW learning rate
 * @param warmupFraction share of {@code maxSteps} with linear warm-up (the paper: 10%)
 * @param minLearningRateFraction the cosine decays to this fraction of the peak (the paper: 1e-6 / 3e-6)
 * @param clipEpsilon PPO clip range of the per-token ratio
 * @param klWeight beta: weight of the per-token k3 estimate of KL(new || base)
 * @param temperature sampling temperature; log-probabilities use the same tempered distribution
 * @param maxSteps length of the schedule
 * @param epochs optimisation passes over each step's batch (ratios differ from 1 from the second on)
 * @param weightDecay AdamW decoupled weight decay on matrices
 * @param clipNorm global gradient-norm clip (0 = none)
 * @param modeWeights relative frequency of QUESTION, EDIT and CAPTION groups
 * @param seed randomness of sampling and mode draws (a step's stream depends on (seed, step) only)
 * @param pairedWeight relative frequency (next to the three mode weights) of paired groups: an edit or
 *     caption (drawn by their weights) makes a new image, the policy writes a question for that image,
 *     and the pair is rewarded as one (new question, new image) probe; 0 for none
 */
public record GrpoConfig(int groupSize, int seedsPerStep, double learningRate, double warmupFraction,
                         double minLearningRateFraction, double clipEpsilon, double klWeight, double temperature,
                         int maxSteps, int epochs, double weightDecay, double clipNorm, double[] modeWeights, long seed,
                         double pairedWeight) {
    /** A config without paired groups. */
    public GrpoConfig(int groupSize, int seedsPerStep, double learningRate, double warmupFraction,
                      double minLearningRateFraction, double clipEpsilon, double klWeight, double temperature,
                      int maxSteps, int epochs, double weightDecay, double clipNorm, double[] modeWeights, long seed) {
        this(groupSize, seedsPerStep, learningRate, warmupFraction, minLearningRateFraction, clipEpsilon, klWeight,
                temperature, maxSteps, epochs, weightDecay, clipNorm, modeWeights, seed, 0);
    }

    public GrpoConfig {
        if (groupSize < 2) {
            throw new IllegalArgumentException("GRPO needs groups of at least 2 texts, got " + groupSize);
        }
        if (seedsPerStep < 1 || maxSteps < 1 || epochs < 1) {
            throw new IllegalArgumentException("seeds per step, max steps and epochs must be positive");
        }
        if (!(learningRate > 0) || !(clipEpsilon > 0) || !(klWeight >= 0) || !(temperature > 0)) {
            throw new IllegalArgumentException("learning rate, clip epsilon and temperature must be positive and the"
                    + " KL weight non-negative");
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1) || !(minLearningRateFraction >= 0
                && minLearningRateFraction <= 1)) {
            throw new IllegalArgumentException("warm-up and minimum learning-rate fractions must lie in [0, 1)");
        }
        if (modeWeights == null || modeWeights.length != 3 || Arrays.stream(modeWeights).anyMatch(w -> !(w >= 0))
                || Arrays.stream(modeWeights).sum() <= 0) {
            throw new IllegalArgumentException("need three non-negative mode weights (question, edit, caption) with a"
                    + " positive sum");
        }
        if (!(pairedWeight >= 0) || Double.isInfinite(pairedWeight)) {
            throw new IllegalArgumentException("the paired-group weight must be a non-negative number, got "
                    + pairedWeight);
        }
        if (pairedWeight > 0 && modeWeights[1] + modeWeights[2] <= 0) {
            throw new IllegalArgumentException("paired groups need a positive edit or caption weight");
        }
        modeWeights = modeWeights.clone();
    }

    /** This config with paired groups at the given weight. */
    public GrpoConfig withPairedWeight(double weight) {
        return new GrpoConfig(groupSize, seedsPerStep, learningRate, warmupFraction, minLearningRateFraction,
                clipEpsilon, klWeight, temperature, maxSteps, epochs, weightDecay, clipNorm, modeWeights, seed, weight);
    }

    /**
     * Defaults: G = 8, 8 seeds per step, lr 1e-4 with 10% warm-up and cosine to a third of it (the
     * paper's schedule shape), clip 0.2, beta 0.02, temperature 1, 400 steps, 2 epochs, equal modes.
     */
    public static GrpoConfig defaults(long seed) {
        return new GrpoConfig(8, 8, 1e-4, 0.1, 1.0 / 3, 0.2, 0.02, 1.0, 400, 2, 0.0, 1.0, new double[] {1, 1, 1},
                seed);
    }

    @Override
    public double[] modeWeights() {
        return modeWeights.clone();
    }
}
