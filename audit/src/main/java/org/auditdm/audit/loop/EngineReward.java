package org.auditdm.audit.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.policy.RewardFunction;
import org.auditdm.audit.policy.Sample;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.world.sample.Seed;

/**
 * The GRPO reward: each sampled text becomes a probe and is judged by the engine (1 when the
 * reference ensemble agrees and the target's answer differs in meaning; 0 otherwise, and 0 for text
 * that does not parse or apply). A paired sample is one (new question, new image) probe. Reads models'
 * answers only, never the oracle.
 *
 * <p>With a positive {@code validTextReward}, a text that made a probe every model answered earns that much
 * more (a format reward): a group in which nothing disagrees then still prefers valid text to invalid.
 */
final class EngineReward implements RewardFunction {
    private final Evaluator evaluator;
    private final Map<String, Seed> seeds;
    private final double validTextReward;
    private List<Evaluated> last = List.of();

    EngineReward(Evaluator evaluator, Map<String, Seed> seeds, double validTextReward) {
        this.evaluator = evaluator;
        this.seeds = seeds;
        this.validTextReward = validTextReward;
    }

    @Override
    public double[] rewards(List<Sample> samples) {
        List<ProbeRequest> requests = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            Seed seed = seeds.get(s.seed().id());
            if (seed == null) {
                throw new IllegalStateException("unknown seed " + s.seed().id());
            }
            ProbeText text = new ProbeText(s.mode(), s.text(), s.logProbability());
            requests.add(s.question() == null ? ProbeRequest.of(seed, text) : ProbeRequest.paired(seed,
                    new ProbeText(ProbeMode.QUESTION, s.question(), s.questionLogProbability()), text));
        }
        last = evaluator.evaluate(requests);
        double[] r = new double[last.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = reward(last.get(i), validTextReward);
        }
        return r;
    }

    /** The GRPO reward of one evaluation: its 0/1 disagreement reward, plus the bonus when it made a probe. */
    static double reward(Evaluated e, double validTextReward) {
        return e.reward() + (e.status() == Evaluated.Status.VALID ? validTextReward : 0);
    }

    /** The evaluations behind the last rewards (for statistics). */
    List<Evaluated> last() {
        return last;
    }
}
