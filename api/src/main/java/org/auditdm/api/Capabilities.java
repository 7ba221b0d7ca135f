package org.auditdm.api;

/**
 * What a model declares about itself, so that the audit can plan batches and trust results.
 *
 * @param maxBatch largest useful batch for {@link VisionLanguageModel#answerAll} (1: no batching)
 * @param probabilities whether answers carry the model's probability
 * @param deterministic whether the same question always gets the same answer
 */
public record Capabilities(int maxBatch, boolean probabilities, boolean deterministic) {
    /** A remote or unknown model: one question at a time, no probabilities, maybe not deterministic. */
    public static final Capabilities UNKNOWN = new Capabilities(1, false, false);

    public Capabilities {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
    }
}
