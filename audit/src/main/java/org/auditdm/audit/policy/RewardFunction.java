package org.auditdm.audit.policy;

import java.util.List;

/**
 * Scores a step's sampled texts (the audit engine: 1 when the reference ensemble agrees and the
 * target differs, 0 otherwise, 0 for unusable text). Must return one finite reward per sample, in
 * order.
 */
@FunctionalInterface
public interface RewardFunction {
    double[] rewards(List<Sample> samples);

    /**
     * The rewards GRPO credits: {@link Scores#text()} to each sample's own text, {@link Scores#question()} to
     * the question of a paired sample (the (new question, new image) probe). By default both are
     * {@link #rewards}: the pair's reward goes to both texts of a pair.
     */
    default Scores score(List<Sample> samples) {
        double[] r = rewards(samples);
        return new Scores(r, r);
    }

    /**
     * @param text per sample, the reward of its own text (an edit or caption of a paired sample may also be
     *     credited with what its image gave the seed's question)
     * @param question per sample, the reward of its paired question (the pair's); equal to {@code text} for
     *     samples without one
     */
    record Scores(double[] text, double[] question) {
    }
}
