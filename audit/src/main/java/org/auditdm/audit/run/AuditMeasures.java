package org.auditdm.audit.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
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
 * @param searchSuccessByProbe search success by kind of probe: {@code question}, {@code edit} and
 *     {@code caption} (a text on its own), {@code question+edit} and {@code question+caption} (a new
 *     question written for the new image); empty when not measured
 * @param searchSuccessBySeed search success by kind of seed scene (objects, chart, sign, clock: where the
 *     auditor succeeds); empty when not measured
 */
public record AuditMeasures(Accuracy searchSuccess, Accuracy findingPrecision, Accuracy validText,
                            Map<String, Accuracy> searchSuccessByProbe, Map<String, Accuracy> searchSuccessBySeed) {
    public AuditMeasures {
        Objects.requireNonNull(searchSuccess, "searchSuccess");
        Objects.requireNonNull(findingPrecision, "findingPrecision");
        Objects.requireNonNull(validText, "validText");
        searchSuccessByProbe = searchSuccessByProbe == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(searchSuccessByProbe));
        searchSuccessBySeed = searchSuccessBySeed == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(searchSuccessBySeed));
    }

    /** The overall rates only. */
    public AuditMeasures(Accuracy searchSuccess, Accuracy findingPrecision, Accuracy validText) {
        this(searchSuccess, findingPrecision, validText, Map.of(), Map.of());
    }

    /** Measures evaluated texts, comparing answers with the oracle's under {@code judge} (no split by seed). */
    public static AuditMeasures of(List<Evaluated> evaluated, AnswerJudge judge) {
        return of(evaluated, judge, id -> null);
    }

    /**
     * Measures evaluated texts, comparing answers with the oracle's under {@code judge}, also split by kind
     * of probe and by {@code seedKind} (seed id to a label, or null to leave the pair out of that split).
     */
    public static AuditMeasures of(List<Evaluated> evaluated, AnswerJudge judge, Function<String, String> seedKind) {
        Map<String, int[]> byProbe = new TreeMap<>();
        Map<String, int[]> bySeed = new TreeMap<>();
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
            boolean answerable = e.status() == Evaluated.Status.VALID && e.oracle() != null && e.oracle().isAnswer();
            boolean targetWrong = answerable && !judge.same(e.targetAnswer(), e.oracle().answer());
            count(byProbe, probeKind(e), targetWrong);
            String kind = seedKind.apply(e.seedId());
            if (kind != null) {
                count(bySeed, kind, targetWrong);
            }
            if (e.status() != Evaluated.Status.VALID) {
                continue;
            }
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
                Accuracy.of(built, evaluated.size()), rates(byProbe), rates(bySeed));
    }

    /** The kind of probe a text made: its mode, or "question+" its image text's mode for a pair. */
    static String probeKind(Evaluated e) {
        return e.imageText() == null ? e.text().mode().word() : "question+" + e.imageText().mode().word();
    }

    private static void count(Map<String, int[]> counts, String key, boolean success) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0] += success ? 1 : 0;
        c[1]++;
    }

    private static Map<String, Accuracy> rates(Map<String, int[]> counts) {
        Map<String, Accuracy> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, Accuracy.of(c[0], c[1])));
        return out;
    }
}
