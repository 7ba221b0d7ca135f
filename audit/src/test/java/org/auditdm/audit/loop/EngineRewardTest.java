package org.auditdm.audit.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.auditdm.api.Consensus;
import org.auditdm.api.Pairing;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.run.Evaluated;
import org.junit.jupiter.api.Test;

/** The GRPO reward of one evaluation, with and without the valid-text (format) bonus. */
class EngineRewardTest {
    private static final ProbeText TEXT = ProbeText.of(ProbeMode.QUESTION, "what color is the star?");
    private static final Probe PROBE = new Probe("seed-0", ProbeMode.QUESTION, TEXT.text(),
            Pairing.NEW_QUESTION_ORIGINAL_IMAGE, TEXT.text(), "img", "img");

    private static Evaluated valid(String target, String consensus, int reward) {
        return new Evaluated("seed-0", TEXT, null, Evaluated.Status.VALID, null, PROBE, null, target,
                new Consensus(List.of(consensus, consensus), consensus, true), reward);
    }

    @Test
    void theBonusGoesToTextThatMadeAProbeAndNeverToInvalidOrFailedCalls() {
        Evaluated disagreement = valid("red", "blue", 1);
        Evaluated agreement = valid("blue", "blue", 0);
        Evaluated invalid = new Evaluated("seed-0", TEXT, null, Evaluated.Status.INVALID, "question: parse error",
                null, null, null, null, 0);
        Evaluated failed = new Evaluated("seed-0", TEXT, null, Evaluated.Status.ERROR, "target timed out", PROBE,
                null, null, null, 0);

        assertThat(EngineReward.reward(disagreement, 0)).isEqualTo(1.0);
        assertThat(EngineReward.reward(agreement, 0)).isEqualTo(0.0);
        assertThat(EngineReward.reward(invalid, 0)).isEqualTo(0.0);

        assertThat(EngineReward.reward(disagreement, 0.2)).isEqualTo(1.2);
        assertThat(EngineReward.reward(agreement, 0.2)).isEqualTo(0.2);
        assertThat(EngineReward.reward(invalid, 0.2)).isEqualTo(0.0);
        assertThat(EngineReward.reward(failed, 0.2)).isEqualTo(0.0);
    }
}
