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
    private final boolean creditBothPairings;
    private List<Evaluated> last = List.of();

    EngineReward(Evaluator evaluator, Map<String, Seed> seeds, double validTextReward) {
        this(evaluator, seeds, validTextReward, false);
    }

    /**
     * @param creditBothPairings credit the edit or caption of a paired sample with both probes its image makes:
     *     the pair's reward plus the reward of the seed's question asked about that image (its (original
     *     question, new image) probe, judged in the same batch); the question keeps the pair's reward
     */
    EngineReward(Evaluator evaluator, Map<String, Seed> seeds, double validTextReward, boolean creditBothPairings) {
        this.evaluator = evaluator;
        this.seeds = seeds;
        this.validTextReward = validTextReward;
        this.creditBothPairings = creditBothPairings;
    }

    @Override
    public double[] rewards(List<Sample> samples) {
        return score(samples).question();
    }

    @Override
    public Scores score(List<Sample> samples) {
        List<ProbeRequest> requests = new ArrayList<>(samples.size());
        List<ProbeRequest> originalQuestion = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Seed seed = seeds.get(s.seed().id());
            if (seed == null) {
                throw new IllegalStateException("unknown seed " + s.seed().id());
            }
            ProbeText text = new ProbeText(s.mode(), s.text(), s.logProbability());
            if (s.question() == null) {
                requests.add(ProbeRequest.of(seed, text));
            } else {
                requests.add(ProbeRequest.paired(seed,
                        new ProbeText(ProbeMode.QUESTION, s.question(), s.questionLogProbability()), text));
                if (creditBothPairings) {
                    originalQuestion.add(ProbeRequest.of(seed, text));
                    owners.add(i);
                }
            }
        }
        List<ProbeRequest> all = new ArrayList<>(requests);
        all.addAll(originalQuestion);
        List<Evaluated> evaluated = evaluator.evaluate(all);
        last = List.copyOf(evaluated.subList(0, requests.size()));
        double[] pair = new double[last.size()];
        for (int i = 0; i < pair.length; i++) {
            pair[i] = reward(last.get(i), validTextReward);
        }
        if (owners.isEmpty()) {
            return new Scores(pair, pair);
        }
        double[] text = pair.clone();
        for (int k = 0; k < owners.size(); k++) {
            text[owners.get(k)] += reward(evaluated.get(requests.size() + k), validTextReward);
        }
        return new Scores(text, pair);
    }

    /** The GRPO reward of one evaluation: its 0/1 disagreement reward, plus the bonus when it made a probe. */
    static double reward(Evaluated e, double validTextReward) {
        return e.reward() + (e.status() == Evaluated.Status.VALID ? validTextReward : 0);
    }

    /** The evaluations behind the last rewards (for statistics): one per sample, the pair for paired samples. */
    List<Evaluated> last() {
        return last;
    }
}
