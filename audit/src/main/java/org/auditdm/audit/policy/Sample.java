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
 */
public record Sample(int group, SeedInput seed, ProbeMode mode, String text, boolean finished,
                     double logProbability) {
    public Sample {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
    }
}
