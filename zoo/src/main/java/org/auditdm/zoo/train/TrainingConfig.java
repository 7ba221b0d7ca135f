package org.auditdm.zoo.train;

/**
 * How to train: AdamW with a linear warm-up to {@code peakLearningRate} then a cosine decay to
 * {@code minLearningRate} at {@code maxSteps}.
 *
 * @param maxSteps steps to train (the schedule length)
 * @param batchSize examples per step
 * @param peakLearningRate learning rate after warm-up
 * @param minLearningRate learning rate at the end of the cosine
 * @param warmupSteps linear warm-up steps
 * @param weightDecay decoupled AdamW weight decay
 * @param gradientClipNorm global gradient norm clip, 0 for none
 * @param maxMinutes wall-clock budget, 0 for none; training stops at whichever of this and maxSteps comes first
 * @param logEvery log and report progress every this many steps
 * @param checkpointEvery write a resumable checkpoint every this many steps (0: only at the end)
 * @param seed seeds initialisation and the per-step data streams
 */
public record TrainingConfig(int maxSteps, int batchSize, double peakLearningRate, double minLearningRate,
                             int warmupSteps, double weightDecay, double gradientClipNorm, double maxMinutes,
                             int logEvery, int checkpointEvery, long seed) {
    public TrainingConfig {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be positive, got " + maxSteps);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        if (!(peakLearningRate > 0) || minLearningRate < 0 || minLearningRate > peakLearningRate) {
            throw new IllegalArgumentException("need 0 <= minLearningRate <= peakLearningRate and peak > 0, got "
                    + minLearningRate + " and " + peakLearningRate);
        }
        if (warmupSteps < 0 || weightDecay < 0 || gradientClipNorm < 0 || maxMinutes < 0) {
            throw new IllegalArgumentException("warmupSteps, weightDecay, gradientClipNorm and maxMinutes must be >= 0");
        }
        if (logEvery <= 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("logEvery must be positive and checkpointEvery >= 0");
        }
    }

    /** Sensible defaults: batch 64, AdamW 2e-3 peak, 5% warm-up, cosine to 1e-5, clip 1.0, log every 50 steps. */
    public static TrainingConfig defaults(int maxSteps, long seed) {
        return new TrainingConfig(maxSteps, 64, 2e-3, 1e-5, Math.max(1, maxSteps / 20), 0.01, 1.0, 0,
                50, Math.max(1, Math.min(500, maxSteps / 4)), seed);
    }

    public TrainingConfig withMaxMinutes(double minutes) {
        return new TrainingConfig(maxSteps, batchSize, peakLearningRate, minLearningRate, warmupSteps, weightDecay,
                gradientClipNorm, minutes, logEvery, checkpointEvery, seed);
    }

    public TrainingConfig withCheckpointEvery(int steps) {
        return new TrainingConfig(maxSteps, batchSize, peakLearningRate, minLearningRate, warmupSteps, weightDecay,
                gradientClipNorm, maxMinutes, logEvery, steps, seed);
    }

    /** True if resuming under {@code other} continues the same run (everything but budget and reporting equal). */
    public boolean sameRunAs(TrainingConfig other) {
        return maxSteps == other.maxSteps && batchSize == other.batchSize
                && peakLearningRate == other.peakLearningRate && minLearningRate == other.minLearningRate
                && warmupSteps == other.warmupSteps && weightDecay == other.weightDecay
                && gradientClipNorm == other.gradientClipNorm && seed == other.seed;
    }

    /** The learning rate used at 1-based {@code step}: linear warm-up, then cosine decay. */
    public double learningRate(int step) {
        if (warmupSteps > 0 && step <= warmupSteps) {
            return peakLearningRate * step / warmupSteps;
        }
        int span = Math.max(1, maxSteps - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps) / span);
        return minLearningRate + 0.5 * (peakLearningRate - minLearningRate) * (1 + Math.cos(Math.PI * progress));
    }

    /** A human-readable schedule name recorded in checkpoints. */
    public String scheduleName() {
        return "adamw, linear warm-up " + warmupSteps + " steps, cosine " + peakLearningRate + " -> " + minLearningRate;
    }
}
