package org.auditdm.audit.run;

import org.auditdm.api.Consensus;

/**
 * The models' verdict on one probe.
 *
 * @param targetAnswer the target's answer, or null when its call failed
 * @param consensus the reference ensemble's consensus, or null when a member's call failed
 * @param reward 1 when the ensemble agrees and the target's answer differs in meaning from the
 *     consensus, else 0 (always 0 with an error)
 * @param error why the probe could not be judged (a failed model call), or null
 */
public record Judgement(String targetAnswer, Consensus consensus, int reward, String error) {
    public Judgement {
        if (reward != 0 && reward != 1) {
            throw new IllegalArgumentException("reward must be 0 or 1, got " + reward);
        }
        if (error == null && (targetAnswer == null || consensus == null)) {
            throw new IllegalArgumentException("a judged probe needs the target's answer and a consensus");
        }
        if (error != null && reward != 0) {
            throw new IllegalArgumentException("a probe with an error earns no reward");
        }
    }

    public boolean failed() {
        return error != null;
    }
}
