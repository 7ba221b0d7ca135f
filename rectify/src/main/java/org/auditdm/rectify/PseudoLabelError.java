package org.auditdm.rectify;

import java.util.List;
import org.auditdm.api.AnswerJudge;
import org.auditdm.world.bench.Accuracy;

/**
 * How often consensus labels are wrong, measured against the world oracle. With {@link OracleLabels} (the
 * study's diagnostic row, never annotation-free data) this is the only reader of
 * {@link RectificationExample#oracleAnswer()}: it measures the labels, it never makes them.
 */
public final class PseudoLabelError {
    private PseudoLabelError() {
    }

    /**
     * Errors among examples that have an oracle answer: {@link Accuracy#correct()} counts labels that
     * differ in meaning from the oracle's answer. Examples without an oracle answer (unanswerable or
     * ambiguous questions, real images) are left out of the denominator.
     */
    public static Accuracy of(List<RectificationExample> examples, AnswerJudge judge) {
        int wrong = 0;
        int total = 0;
        for (RectificationExample e : examples) {
            if (e.oracleAnswer() == null) {
                continue;
            }
            total++;
            if (!judge.same(e.label(), e.oracleAnswer())) {
                wrong++;
            }
        }
        return Accuracy.of(wrong, total);
    }

    /** Share of examples the oracle could check (it answers; not unanswerable or ambiguous). */
    public static double coverage(List<RectificationExample> examples) {
        if (examples.isEmpty()) {
            return Double.NaN;
        }
        return (double) examples.stream().filter(e -> e.oracleAnswer() != null).count() / examples.size();
    }
}
