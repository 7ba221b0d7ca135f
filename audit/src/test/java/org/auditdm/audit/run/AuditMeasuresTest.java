package org.auditdm.audit.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.auditdm.api.Consensus;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Pairing;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.question.OracleAnswer;
import org.junit.jupiter.api.Test;

class AuditMeasuresTest {
    private static final ProbeText Q = ProbeText.of(ProbeMode.QUESTION, "how many circles are there?");
    private static final Probe PROBE = new Probe("s", ProbeMode.QUESTION, Q.text(), Pairing.NEW_QUESTION_ORIGINAL_IMAGE,
            Q.text(), "a".repeat(64), "a".repeat(64));

    private static Evaluated valid(OracleAnswer oracle, String target, String consensus) {
        Consensus c = consensus == null ? new Consensus(List.of("1", "2"), null, false)
                : new Consensus(List.of(consensus, consensus), consensus, true);
        int reward = c.agreed() && !new NormalizingJudge().same(target, consensus) ? 1 : 0;
        return new Evaluated("s", Q, null, Evaluated.Status.VALID, null, PROBE, oracle, target, c, reward);
    }

    @Test
    void ratesFollowTheOracleOnlyHere() {
        List<Evaluated> all = List.of(
                valid(OracleAnswer.of("3"), "2", "3"),      // true finding, valid failure
                valid(OracleAnswer.of("3"), "3", "2"),      // false finding: the target was right
                valid(OracleAnswer.of("3"), "two", "4"),    // finding; target wrong, consensus wrong too
                valid(OracleAnswer.of("3"), "2", null),     // valid failure the reward cannot see
                valid(OracleAnswer.ambiguous("hidden"), "2", "3"), // finding on an unanswerable question
                valid(OracleAnswer.of("3"), "three", "3"),  // nothing
                Evaluated.invalid("s", Q, null, "question: bad"),
                new Evaluated("s", Q, null, Evaluated.Status.ERROR, "timeout", PROBE, OracleAnswer.of("3"), null, null, 0));
        AuditMeasures m = AuditMeasures.of(all, new NormalizingJudge());
        assertThat(m.searchSuccess().correct()).isEqualTo(3);
        assertThat(m.searchSuccess().total()).isEqualTo(7);
        assertThat(m.findingPrecision().correct()).isEqualTo(1);
        assertThat(m.findingPrecision().total()).isEqualTo(4);
        assertThat(m.validText().correct()).isEqualTo(7);
        assertThat(m.validText().total()).isEqualTo(8);
        assertThat(m.findingPrecision().low()).isLessThan(0.25).isGreaterThan(0);
        assertThat(m.findingPrecision().rate()).isCloseTo(0.25, within(1e-12));
        assertThat(m.searchSuccessBySeed()).isEmpty();
        assertThat(m.searchSuccessByProbe()).containsOnlyKeys("question");
        assertThat(m.searchSuccessByProbe().get("question")).isEqualTo(m.searchSuccess());

        // split by probe kind and by seed kind: the same pairs, counted where they belong
        Evaluated paired = new Evaluated("t", Q, ProbeText.of(ProbeMode.CAPTION, "a clock showing 3:45"),
                Evaluated.Status.VALID, null, PROBE, OracleAnswer.of("3:45"), "1:20",
                new Consensus(List.of("1:20", "3:45"), null, false), 0);
        List<Evaluated> more = new java.util.ArrayList<>(all);
        more.add(paired);
        AuditMeasures split = AuditMeasures.of(more, new NormalizingJudge(), id -> id.equals("t") ? "clock" : "objects");
        assertThat(split.searchSuccessByProbe().get("question+caption")).isEqualTo(Accuracy.of(1, 1));
        assertThat(split.searchSuccessByProbe().get("question")).isEqualTo(Accuracy.of(3, 7));
        assertThat(split.searchSuccessBySeed()).containsEntry("clock", Accuracy.of(1, 1))
                .containsEntry("objects", Accuracy.of(3, 7));
        assertThat(split.searchSuccess()).isEqualTo(Accuracy.of(4, 8));
    }
}
