package org.auditdm.audit.run;

import java.util.List;
import java.util.Objects;
import org.auditdm.api.AnswerJudge;
import org.auditdm.world.bench.Accuracy;

/**
 * How good an auditor's texts are, measured against the world oracle. Evaluation only: none of this
 * feeds a reward or decides a finding.
 *
 * @param searchSuccess share of generated pairs (failed model calls excluded, invalid texts included)
 *     that are valid failures: the oracle answers the question and the target's answer is wrong
 * @param findingPrecision share of findings (reward 1) where the target is really wrong and the
 *     consensus really right
 * @param validText share of texts that made a probe
 */
public record AuditMeasures(Accuracy searchSuccess, Accuracy findingPrecision, Accuracy validText) {
    public AuditMeasures {
        Objects.requireNonNull(searchSuccess, "searchSuccess");
        Objects.requireNonNull(findingPrecision, "findingPrecision");
        Objects.requireNonNull(validText, "validText");
    }

    /** Measures evaluated texts, comparing answers with the oracle's under {@code judge}. */
    public static AuditMeasures of(List<Evaluated> evaluated, AnswerJudge judge) {
        int pairs = 0;
        int validFailures = 0;
        int findings = 0;
        int trueFindings = 0;
        int built = 0;
        for (Evaluated e : evaluated) {
            if (e.status() != Evaluated.Status.INVALID) {
                built++;
            }
            if (e.status() == Evaluated.Status.ERROR) {
                continue;
            }
            pairs++;
            if (e.status() != Evaluated.Status.VALID) {
                continue;
            }
            boolean answerable = e.oracle() != null && e.oracle().isAnswer();
            boolean targetWrong = answerable && !judge.same(e.targetAnswer(), e.oracle().answer());
            if (targetWrong) {
                validFailures++;
            }
            if (e.isFinding()) {
                findings++;
                if (targetWrong && judge.same(e.consensus().answer(), e.oracle().answer())) {
                    trueFindings++;
                }
            }
        }
        return new AuditMeasures(Accuracy.of(validFailures, pairs), Accuracy.of(trueFindings, findings),
                Accuracy.of(built, evaluated.size()));
    }
}
