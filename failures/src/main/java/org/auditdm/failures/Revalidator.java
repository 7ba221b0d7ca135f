package org.auditdm.failures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.AnswerJudge;
import org.auditdm.api.Probe;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.world.bench.Accuracy;

/**
 * Asks the target and the ensemble fresh probes of a definition and measures how often the target fails:
 * by consensus (the audit's own measure) and, where the world knows the answer, by the oracle (for
 * evaluation only; it never decides what is validated).
 */
public final class Revalidator {
    /** Requests evaluated per batch. */
    static final int BATCH = 48;

    /**
     * The answered fresh probes of a definition and its rates (pValue and validated not yet decided).
     *
     * @param evaluated the matched probes as the audit loop evaluated them (same order as {@code matched}): for
     *     data builders that need the models' answers
     */
    public record Sample(List<Observation> matched, List<Evaluated> evaluated, Validation validation) {
    }

    private final Evaluator evaluator;
    private final FreshProbes fresh;
    private final List<String> referenceNames;

    public Revalidator(Evaluator evaluator, FreshProbes fresh, List<String> referenceNames) {
        this.evaluator = evaluator;
        this.fresh = fresh;
        this.referenceNames = List.copyOf(referenceNames);
    }

    /**
     * Draws fresh requests in batches until {@code wanted} of them match the definition (all of them count for
     * the general distribution, {@code definition == null}) or {@code budget} requests were evaluated.
     */
    public Sample sample(TypeDefinition definition, int wanted, int budget, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Observation> matched = new ArrayList<>();
        List<Evaluated> evaluated = new ArrayList<>();
        List<Observation> ofInput = new ArrayList<>();
        int inputMatched = 0;
        int agreedOnInput = 0;
        int drawn = 0;
        int serial = 0;
        while (matched.size() < wanted && drawn < budget) {
            int n = Math.min(BATCH, budget - drawn);
            List<ProbeRequest> requests = fresh.draw(definition, n, rng);
            drawn += n;
            if (requests.isEmpty()) {
                break;
            }
            for (Evaluated e : evaluator.evaluate(requests)) {
                if (e.status() != Evaluated.Status.VALID) {
                    continue;
                }
                Observation o = observation("fresh-" + serial++, e);
                if (definition != null && !o.facets().containsAll(
                        definition.facets().stream().filter(f -> !f.aboutAnswers()).toList())) {
                    continue;
                }
                inputMatched++;
                ofInput.add(o);
                if (e.consensus().agreed()) {
                    agreedOnInput++;
                }
                if ((definition == null || definition.matches(o.facets())) && matched.size() < wanted) {
                    matched.add(o);
                    evaluated.add(e);
                }
            }
        }
        return new Sample(matched, evaluated, rates(matched, evaluated, ofInput, Accuracy.of(agreedOnInput, inputMatched)));
    }

    private static Observation observation(String id, Evaluated e) {
        String consensus = e.consensus().agreed() ? e.consensus().answer() : null;
        Probe p = e.probe();
        String oracle = e.oracle() != null && e.oracle().isAnswer() ? e.oracle().answer() : null;
        return new Observation(id, p, e.targetAnswer(), e.consensus().memberAnswers(), consensus, oracle,
                Facets.of(p, e.targetAnswer(), consensus, consensus != null));
    }

    /**
     * Failure by consensus on the probes that match the whole definition; failure by the oracle, for the
     * target and each reference, on all probes of the definition's input (conditioning on the ensemble's
     * agreement would make its members tie by construction).
     */
    private Validation rates(List<Observation> matched, List<Evaluated> evaluated, List<Observation> ofInput,
                             Accuracy agreement) {
        AnswerJudge judge = evaluator.judging().judge();
        int agreed = 0;
        int targetDiffers = 0;
        int answerable = 0;
        int targetWrong = 0;
        int[] refWrong = new int[referenceNames.size()];
        // A failure is what the audit itself rewards: a disagreement with an agreeing ensemble (whose
        // presuppositions the ensemble confirmed, when the run checks them).
        for (Evaluated e : evaluated) {
            if (e.consensus().agreed()) {
                agreed++;
                if (e.isFinding()) {
                    targetDiffers++;
                }
            }
        }
        for (Observation o : ofInput) {
            if (o.oracleAnswer() != null) {
                answerable++;
                if (!judge.same(o.targetAnswer(), o.oracleAnswer())) {
                    targetWrong++;
                }
                for (int i = 0; i < refWrong.length && i < o.referenceAnswers().size(); i++) {
                    if (!judge.same(o.referenceAnswers().get(i), o.oracleAnswer())) {
                        refWrong[i]++;
                    }
                }
            }
        }
        Map<String, Accuracy> refs = new LinkedHashMap<>();
        for (int i = 0; i < refWrong.length; i++) {
            refs.put(referenceNames.get(i), Accuracy.of(refWrong[i], answerable));
        }
        return new Validation(matched.size(), agreement, Accuracy.of(targetDiffers, agreed),
                Accuracy.of(targetWrong, answerable), refs, Double.NaN, false);
    }
}
