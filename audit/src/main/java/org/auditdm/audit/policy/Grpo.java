package org.auditdm.audit.policy;

import org.auditdm.zoo.train.AdamW;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.sample.Draw;
import org.auditdm.zoo.train.ZooTraining;

/**
 * Group Relative Policy Optimisation of an {@link AuditorPolicy}.
 *
 * <p>One step: each seed gets a mode (drawn by {@link GrpoConfig#modeWeights()}) and a group of G
 * texts sampled from the current policy; the reward function scores them; advantages are
 * normalised within each group, {@code A_i = (r_i - mean) / (std + 1e-6)} with the population std
 * (divide by G), so a group with equal rewards gets zero advantages. The loss is per token:
 * {@code -(min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A) - beta * k3)}, with
 * {@code ratio = exp(logp_new - logp_old)} and the unbiased k3 estimate of KL(new || base),
 * {@code exp(ref - new) - (ref - new) - 1}; averaged over each text's tokens (including its
 * {@code <eos>}), then over the texts (the GRPO paper's 1/|o_i| normalisation). {@code logp_old} is
 * the policy that sampled, recomputed by teacher forcing; the base (reference) policy is frozen.
 *
 * <p>Paired groups (the paper's (new question, new image) pairing, {@link GrpoConfig#pairedWeight()}) sample an
 * edit or caption, let an {@link ImageMaker} make its image, sample one question for that image, and reward
 * the pair; the question is a second text of the batch with the pair's advantage. The edit or caption takes
 * the advantage of its own reward ({@link RewardFunction#score}): by default the pair's too, or (the engine's
 * {@code imageTextCredit: both}) the pair's plus what its image gave the seed's question, the two probes an
 * edit or caption makes in discovery and measurement.
 */
public final class Grpo implements AutoCloseable {
    /** Added to the group std: keeps advantages finite when rewards are nearly equal. */
    public static final double ADVANTAGE_EPS = 1e-6;

    private final AuditorPolicy policy;
    private final AuditorPolicy reference;
    private final GrpoConfig config;
    private final AdamW adam;
    private int step;

    /**
     * @param policy the policy to train (updated in place)
     * @param reference the frozen base policy of the KL term (use {@link AuditorPolicy#copy()})
     */
    public Grpo(AuditorPolicy policy, AuditorPolicy reference, GrpoConfig config) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.config = Objects.requireNonNull(config, "config");
        if (!policy.spec().equals(reference.spec()) || !policy.vocabulary().words().equals(reference.vocabulary().words())) {
            throw new IllegalArgumentException("the reference policy must have the policy's spec and vocabulary");
        }
        this.adam = new AdamW(policy.parameters());
    }

    public int stepsDone() {
        return step;
    }

    public GrpoConfig config() {
        return config;
    }

    /** Group-normalised advantages of rewards laid out group after group (population std). */
    public static double[] advantages(double[] rewards, int groupSize) {
        if (groupSize < 1 || rewards.length % groupSize != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not split into groups of " + groupSize);
        }
        double[] out = new double[rewards.length];
        for (int g = 0; g < rewards.length; g += groupSize) {
            double mean = 0;
            for (int i = 0; i < groupSize; i++) {
                mean += rewards[g + i];
            }
            mean /= groupSize;
            double var = 0;
            for (int i = 0; i < groupSize; i++) {
                var += (rewards[g + i] - mean) * (rewards[g + i] - mean);
            }
            double std = Math.sqrt(var / groupSize);
            for (int i = 0; i < groupSize; i++) {
                double d = rewards[g + i] - mean;
                out[g + i] = d == 0 ? 0 : d / (std + ADVANTAGE_EPS);
            }
        }
        return out;
    }

    /** The k3 estimate of KL(new || ref) for one token: {@code exp(ref - new) - (ref - new) - 1} (never negative). */
    public static double k3(double refLogp, double newLogp) {
        double d = refLogp - newLogp;
        return Math.exp(d) - d - 1;
    }

    /**
     * The GRPO loss of a batch (arrays (B, T); {@code mask} 1 on real tokens, advantages (B)).
     *
     * @return {loss, mean k3 over real tokens, clip fraction over real tokens}, scalars
     */
    static NDArray[] loss(NDArray newLogp, NDArray oldLogp, NDArray refLogp, NDArray mask, NDArray advantages,
                          double clipEpsilon, double klWeight) {
        NDArray a = advantages.expandDims(1);
        NDArray ratio = newLogp.sub(oldLogp).exp();
        NDArray unclipped = ratio.mul(a);
        NDArray clipped = ratio.clip(1 - clipEpsilon, 1 + clipEpsilon).mul(a);
        NDArray surrogate = unclipped.minimum(clipped);
        NDArray d = refLogp.sub(newLogp);
        NDArray kl = d.exp().sub(d).sub(1f);
        NDArray perToken = surrogate.sub(kl.mul((float) klWeight)).neg().mul(mask);
        NDArray lengths = mask.sum(new int[] {1});
        NDArray loss = perToken.sum(new int[] {1}).div(lengths).mean();
        NDArray tokens = mask.sum();
        NDArray meanKl = kl.mul(mask).sum().div(tokens);
        NDArray clipFraction = ratio.sub(1f).abs().gt(clipEpsilon).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .mul(mask).sum().div(tokens);
        return new NDArray[] {loss, meanKl, clipFraction};
    }

    /** Learning rate of a step under the config's warm-up and cosine schedule. */
    public double learningRate(int atStep) {
        return LearningRates.schedule(config.learningRate(), atStep, config.maxSteps(), config.warmupFraction(),
                config.minLearningRateFraction());
    }

    /** One GRPO step without paired groups' images (see {@link #step(List, RewardFunction, ImageMaker)}). */
    public GrpoStats step(List<SeedInput> seeds, RewardFunction rewardFunction) {
        return step(seeds, rewardFunction, ImageMaker.NONE);
    }

    /**
     * One GRPO step over these seeds (one group each). In a paired group (see
     * {@link GrpoConfig#pairedWeight()}), each sampled edit or caption that makes an image gets one question
     * sampled for that image; both texts of a pair take the pair's advantage.
     *
     * @param images makes the new images of paired groups
     * @throws IllegalArgumentException when the reward function returns the wrong number of rewards
     *     or a non-finite one
     */
    public GrpoStats step(List<SeedInput> seeds, RewardFunction rewardFunction, ImageMaker images) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a GRPO step needs at least one seed");
        }
        Objects.requireNonNull(images, "images");
        SplittableRandom rng = ZooTraining.stepRandom(config.seed(), step);
        int g = config.groupSize();
        double[] w = config.modeWeights();
        double[] withPaired = {w[0], w[1], w[2], config.pairedWeight()};
        double[] imageModes = {0, w[1], w[2]};
        List<PolicyInput> inputs = new ArrayList<>(seeds.size());
        boolean[] paired = new boolean[seeds.size()];
        for (int i = 0; i < seeds.size(); i++) {
            SeedInput s = seeds.get(i);
            ProbeMode mode;
            if (config.pairedWeight() > 0) {
                int k = Draw.weighted(rng, withPaired);
                paired[i] = k == 3;
                mode = ProbeMode.values()[paired[i] ? Draw.weighted(rng, imageModes) : k];
            } else {
                mode = ProbeMode.values()[Draw.weighted(rng, w)]; // the stream of configs without paired groups
            }
            inputs.add(new PolicyInput(s.image(), s.question(), mode));
        }
        List<AuditorPolicy.Generation> gen = policy.generate(inputs, g, config.temperature(), rng);
        List<Sample> samples = new ArrayList<>(gen.size());
        List<PolicyInput> expanded = new ArrayList<>(gen.size());
        List<int[]> targets = new ArrayList<>(gen.size());
        List<Integer> rowSample = new ArrayList<>(gen.size());
        List<PolicyInput> questionInputs = new ArrayList<>();
        List<Integer> questionSample = new ArrayList<>();
        for (AuditorPolicy.Generation x : gen) {
            PolicyInput in = inputs.get(x.input());
            SeedInput seed = seeds.get(x.input());
            if (paired[x.input()]) {
                Picture made = images.make(seed, in.mode(), x.text());
                if (made != null) {
                    questionInputs.add(new PolicyInput(made, seed.question(), ProbeMode.QUESTION));
                    questionSample.add(samples.size());
                }
            }
            rowSample.add(samples.size());
            samples.add(new Sample(x.input(), seed, in.mode(), x.text(), x.finished(), x.logProbability()));
            expanded.add(in);
            targets.add(x.tokens());
        }
        if (!questionInputs.isEmpty()) {
            for (AuditorPolicy.Generation q : policy.generate(questionInputs, 1, config.temperature(), rng)) {
                int k = questionSample.get(q.input());
                samples.set(k, samples.get(k).withQuestion(q.text(), q.logProbability()));
                rowSample.add(k);
                expanded.add(questionInputs.get(q.input()));
                targets.add(q.tokens());
            }
        }
        RewardFunction.Scores scores = rewardFunction.score(List.copyOf(samples));
        double[] rewards = checked(scores == null ? null : scores.text(), samples.size());
        double[] questionRewards = scores.question() == scores.text() ? rewards
                : checked(scores.question(), samples.size());
        double meanReward = 0;
        for (double r : rewards) {
            meanReward += r;
        }
        meanReward /= rewards.length;
        double[] adv = advantages(rewards, g);
        // A paired question is normalised within its group by the pairs' rewards (the same as adv by default).
        double[] questionAdv = questionRewards == rewards ? adv : advantages(questionRewards, g);
        int flat = 0;
        for (int k = 0; k < adv.length; k += g) {
            boolean zero = true;
            for (int i = 0; i < g; i++) {
                zero &= adv[k + i] == 0;
            }
            flat += zero ? 1 : 0;
        }
        double lr = learningRate(step);
        double[] last = new double[3];
        try (NDManager scope = policy.manager().newSubManager()) {
            int b = targets.size();
            int t = targets.stream().mapToInt(a -> a.length).max().orElse(1);
            float[] mask = new float[b * t];
            float[] advF = new float[b];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < targets.get(i).length; j++) {
                    mask[i * t + j] = 1f;
                }
                advF[i] = (float) (i < samples.size() ? adv : questionAdv)[rowSample.get(i)];
            }
            NDArray maskA = scope.create(mask, new Shape(b, t));
            NDArray advA = scope.create(advF, new Shape(b));
            NDArray old = policy.tokenLogProbabilities(scope, policy.context(scope, expanded), targets,
                    config.temperature());
            NDArray ref;
            try (NDManager refScope = reference.manager().newSubManager()) {
                float[] r = reference.tokenLogProbabilities(refScope, reference.context(refScope, expanded), targets,
                        config.temperature()).toFloatArray();
                ref = scope.create(r, new Shape(b, t));
            }
            policy.parameters().setRequiresGradient(true);
            try {
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    try (NDManager epochScope = scope.newSubManager();
                         GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray now = policy.tokenLogProbabilities(epochScope, policy.context(epochScope, expanded),
                                targets, config.temperature());
                        NDArray[] l = loss(now, old, ref, maskA, advA, config.clipEpsilon(), config.klWeight());
                        gc.backward(l[0]);
                        last[0] = l[0].getFloat();
                        last[1] = l[1].getFloat();
                        last[2] = l[2].getFloat();
                    }
                    try (NDManager updateScope = scope.newSubManager()) {
                        adam.update(updateScope, lr, config.weightDecay(), config.clipNorm());
                    }
                }
            } finally {
                policy.parameters().setRequiresGradient(false);
            }
        }
        GrpoStats stats = new GrpoStats(step, meanReward, last[1], last[2], last[0], lr, samples.size(), flat);
        step++;
        return stats;
    }

    private static double[] checked(double[] rewards, int samples) {
        if (rewards == null || rewards.length != samples) {
            throw new IllegalArgumentException("the reward function returned " + (rewards == null ? "null"
                    : rewards.length + " rewards") + " for " + samples + " samples");
        }
        for (double r : rewards) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("the reward function returned a non-finite reward " + r);
            }
        }
        return rewards;
    }

    @Override
    public void close() {
        adam.close();
    }
}
