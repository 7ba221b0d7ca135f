package org.auditdm.audit.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.auditdm.api.Consensus;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeText;
import org.auditdm.world.question.OracleAnswer;

/**
 * One auditor text after evaluation: the reward for the RL loop plus everything needed to explain it.
 *
 * @param text the auditor's text (a question when {@code imageText} is set)
 * @param imageText the edit or caption of a (new question, new image) pair, else null
 * @param status whether the text made a probe and the models answered it
 * @param reason why the text is invalid or which model call failed; null when {@link Status#VALID}
 * @param probe the probe, null when the text is invalid
 * @param oracle the oracle's answer on the probe's scene (measurement only), null when invalid
 * @param targetAnswer the target's answer, when it gave one
 * @param consensus the reference ensemble's answers, when all members gave one
 * @param reward 1 for a disagreement with an agreeing ensemble; 0 otherwise, always 0 unless VALID
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluated(String seedId, ProbeText text, ProbeText imageText, Status status, String reason,
                        Probe probe, OracleAnswer oracle, String targetAnswer, Consensus consensus, int reward) {

    /** What became of the text. */
    public enum Status {
        /** A probe the target and every reference member answered. */
        VALID,
        /** The text made no probe (parse error, edit that does not apply, failing caption). */
        INVALID,
        /** A probe whose model calls failed: skipped, neither a finding nor a non-finding. */
        ERROR
    }

    public Evaluated {
        Objects.requireNonNull(seedId, "seedId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        if (reward != 0 && reward != 1) {
            throw new IllegalArgumentException("reward must be 0 or 1, got " + reward);
        }
        if (status != Status.VALID && reward != 0) {
            throw new IllegalArgumentException(status + " texts earn no reward");
        }
        if ((status == Status.VALID) != (reason == null)) {
            throw new IllegalArgumentException("a reason is given exactly when the status is not VALID");
        }
        if ((status == Status.INVALID) != (probe == null)) {
            throw new IllegalArgumentException("a probe is present exactly when the text is not INVALID");
        }
        if (status == Status.VALID && (targetAnswer == null || consensus == null)) {
            throw new IllegalArgumentException("a VALID evaluation carries the target's answer and the consensus");
        }
    }

    static Evaluated invalid(String seedId, ProbeText text, ProbeText imageText, String reason) {
        return new Evaluated(seedId, text, imageText, Status.INVALID, reason, null, null, null, null, 0);
    }

    /** Whether this is a finding: reward 1. */
    @JsonIgnore
    public boolean isFinding() {
        return reward == 1;
    }
}
