package org.auditdm.audit.policy;

import java.util.Objects;
import org.auditdm.api.ProbeMode;

/**
 * One text GRPO sampled, handed to the {@link RewardFunction}.
 *
 * @param group index of its (seed, mode) group within the step
 * @param seed the seed it was written for
 * @param mode what kind of text it is
 * @param text the decoded text (may not parse: the reward function decides what that is worth)
 * @param finished false when the policy hit its length limit before ending the text
 * @param logProbability its log-probability under the policy that sampled it
 * @param question in a paired group, the question the policy wrote for the image this edit or caption
 *     made (the pair is one (new question, new image) probe); null otherwise, and null when the text
 *     made no image
 * @param questionLogProbability the question's log-probability (NaN without a question)
 */
public record Sample(int group, SeedInput seed, ProbeMode mode, String text, boolean finished,
                     double logProbability, String question, double questionLogProbability) {
    public Sample {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
        if (question != null && mode == ProbeMode.QUESTION) {
            throw new IllegalArgumentException("only an edit or caption is paired with a question");
        }
    }

    /** A text on its own (no paired question). */
    public Sample(int group, SeedInput seed, ProbeMode mode, String text, boolean finished, double logProbability) {
        this(group, seed, mode, text, finished, logProbability, null, Double.NaN);
    }

    /** This edit or caption paired with the question written for its image. */
    Sample withQuestion(String q, double logp) {
        return new Sample(group, seed, mode, text, finished, logProbability, Objects.requireNonNull(q, "q"), logp);
    }
}
