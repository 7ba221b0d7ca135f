package org.auditdm.audit.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.zoo.model.NamedParameters;
import org.auditdm.zoo.model.ParameterDef;
import org.auditdm.zoo.model.ParameterLayout;

/**
 * The auditor policy: reads a seed image (pixels), the seed question and a mode, and writes text
 * token by token. Image: three strided 3x3 conv stages, pooled to a 4x4 grid, projected to the
 * context width. Question: mean of word embeddings, projected. Mode: a learned vector. Their sum
 * through tanh is the context, which is the GRU's first state and part of its input at every step
 * (next to the embedding of the previous token). The output layer scores the text vocabulary;
 * tokens a policy must never write (pad, bos, unk, mode tokens) are masked out.
 *
 * <p>The policy's distribution at temperature {@code tau} is {@code softmax(logits / tau)} over
 * the writable tokens; sampling and {@link #tokenLogProbabilities} use the same one, so GRPO's
 * ratios compare like with like. Sampling draws one uniform per sequence and step from the given
 * {@link SplittableRandom} and inverts the cumulative distribution on the device (no engine
 * randomness, so same stream, same texts).
 *
 * <p>Not thread-safe for concurrent use; {@link PolicyAuditor} serialises calls.
 */
public final class AuditorPolicy implements AutoCloseable {
    private static final float MASKED = -1e9f;

    private final PolicySpec spec;
    private final TextVocabulary vocab;
    private final NDManager manager;
    private final NamedParameters params;
    private final float[] writableBias;

    private AuditorPolicy(PolicySpec spec, TextVocabulary vocab, NDManager manager, NamedParameters params) {
        this.spec = spec;
        this.vocab = vocab;
        this.manager = manager;
        this.params = params;
        writableBias = new float[vocab.size()];
        for (int i = 0; i < writableBias.length; i++) {
            writableBias[i] = vocab.isUnwritable(i) ? MASKED : 0f;
        }
    }

    /** A fresh policy with parameters drawn from a stream seeded by {@code seed}. */
    public static AuditorPolicy create(PolicySpec spec, TextVocabulary vocab, long seed) {
        NDManager m = NDManager.newBaseManager();
        return new AuditorPolicy(spec, vocab, m,
                NamedParameters.initialise(m, layout(spec, vocab.size()), new SplittableRandom(seed)));
    }

    /** A policy with the given parameter values (layout order). */
    public static AuditorPolicy of(PolicySpec spec, TextVocabulary vocab, List<float[]> values) {
        NDManager m = NDManager.newBaseManager();
        return new AuditorPolicy(spec, vocab, m, NamedParameters.of(m, layout(spec, vocab.size()), values));
    }

    /** An independent copy (for the frozen reference of GRPO's KL term). */
    public AuditorPolicy copy() {
        return of(spec, vocab, params.values());
    }

    /** The parameter tensors of a policy of this spec and vocabulary size, in a fixed order. */
    public static ParameterLayout layout(PolicySpec s, int vocabSize) {
        List<ParameterDef> out = new ArrayList<>();
        conv(out, "img.c1", 3, s.conv1());
        conv(out, "img.c2", s.conv1(), s.conv2());
        conv(out, "img.c3", s.conv2(), s.conv3());
        linear(out, "img.fc", 16L * s.conv3(), s.hidden());
        out.add(new ParameterDef("emb", new long[] {vocabSize, s.embedDim()}, 0.3, 0f));
        linear(out, "q.fc", s.embedDim(), s.hidden());
        out.add(new ParameterDef("mode", new long[] {ProbeMode.values().length, s.hidden()}, 0.3, 0f));
        linear(out, "gru.xe", s.embedDim(), 3L * s.hidden());
        linear(out, "gru.xc", s.hidden(), 3L * s.hidden());
        linear(out, "gru.h", s.hidden(), 3L * s.hidden());
        linear(out, "out", s.hidden(), vocabSize);
        return new ParameterLayout(out);
    }

    private static void conv(List<ParameterDef> out, String name, int in, int channels) {
        out.add(new ParameterDef(name + ".w", new long[] {channels, in, 3, 3}, Math.sqrt(2.0 / (in * 9)), 0f));
        out.add(new ParameterDef(name + ".b", new long[] {channels}, 0, 0f));
    }

    private static void linear(List<ParameterDef> out, String name, long in, long outDim) {
        out.add(new ParameterDef(name + ".w", new long[] {outDim, in}, 1.0 / Math.sqrt(in), 0f));
        out.add(new ParameterDef(name + ".b", new long[] {outDim}, 0, 0f));
    }

    public PolicySpec spec() {
        return spec;
    }

    public TextVocabulary vocabulary() {
        return vocab;
    }

    public NamedParameters parameters() {
        return params;
    }

    public long parameterCount() {
        return params.layout().parameterCount();
    }

    NDManager manager() {
        return manager;
    }

    // ------------------------------------------------------------------ context

    /**
     * The context vectors (B, hidden) of a batch of inputs.
     *
     * @throws IllegalArgumentException when an image has the wrong size
     */
    NDArray context(NDManager scope, List<PolicyInput> inputs) {
        int b = inputs.size();
        int n = spec.imageSize();
        int q = spec.maxQuestionTokens();
        float[] pixels = new float[b * 3 * n * n];
        int[] qIds = new int[b * q];
        float[] qMask = new float[b * q];
        int[] modes = new int[b];
        for (int i = 0; i < b; i++) {
            PolicyInput in = inputs.get(i);
            Picture p = in.image();
            if (p.width() != n || p.height() != n) {
                throw new IllegalArgumentException("the auditor policy reads " + n + "x" + n + " images, got "
                        + p.width() + "x" + p.height() + " at position " + i);
            }
            p.writeChw(pixels, i * 3 * n * n);
            int[] ids = vocab.encode(in.seedQuestion());
            int len = Math.min(q, ids.length);
            for (int j = 0; j < len; j++) {
                qIds[i * q + j] = ids[j];
                qMask[i * q + j] = 1f;
            }
            if (len == 0) {
                qMask[i * q] = 1f; // an empty question reads as one pad token rather than dividing by zero
            }
            modes[i] = in.mode().ordinal();
        }
        NDArray x = scope.create(pixels, new Shape(b, 3, n, n)).sub(0.5f);
        x = Activation.relu(conv(x, "img.c1"));
        x = Activation.relu(conv(x, "img.c2"));
        x = Activation.relu(conv(x, "img.c3"));
        int side = (int) x.getShape().get(2);
        int k = side / 4;
        if (k > 1) {
            x = Pool.avgPool2d(x, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
        }
        NDArray img = linear(x.reshape(b, -1), "img.fc");
        NDArray mask = scope.create(qMask, new Shape(b, q));
        NDArray words = embed(scope.create(qIds, new Shape(b, q)));
        NDArray mean = words.mul(mask.expandDims(2)).sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
        NDArray question = linear(mean, "q.fc");
        NDArray mode = Embedding.embedding(scope.create(modes, new Shape(b)), params.get("mode"), SparseFormat.DENSE)
                .singletonOrThrow();
        return img.add(question).add(mode).tanh();
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Log-probabilities (B, T) of given texts under the policy at {@code temperature}, one per
     * target token, 0 past each text's end. {@code targets.get(i)} are the tokens the policy should
     * write, ending with {@code <eos>} when the text was finished; T is the longest of them.
     */
    NDArray tokenLogProbabilities(NDManager scope, NDArray context, List<int[]> targets, double temperature) {
        int b = targets.size();
        int t = targets.stream().mapToInt(a -> a.length).max().orElse(1);
        t = Math.max(1, t);
        int[] in = new int[b * t];
        int[] out = new int[b * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            int[] s = targets.get(i);
            if (s.length > spec.maxTextTokens()) {
                throw new IllegalArgumentException("text " + i + " has " + s.length + " tokens; the policy writes at most "
                        + spec.maxTextTokens());
            }
            for (int j = 0; j < t; j++) {
                in[i * t + j] = j == 0 ? TextVocabulary.BOS_ID : j <= s.length ? s[j - 1] : TextVocabulary.PAD_ID;
                out[i * t + j] = j < s.length ? s[j] : TextVocabulary.PAD_ID;
                mask[i * t + j] = j < s.length ? 1f : 0f;
            }
        }
        int h = spec.hidden();
        NDArray xe = linear(embed(scope.create(in, new Shape(b, t))).reshape(b * t, -1), "gru.xe").reshape(b, t, 3 * h);
        NDArray xc = linear(context, "gru.xc").expandDims(1);
        NDList steps = xe.add(xc).split(t, 1);
        NDArray state = context;
        NDList states = new NDList(t);
        for (int j = 0; j < t; j++) {
            state = gru(steps.get(j).squeeze(1), state);
            states.add(state);
        }
        NDArray hs = NDArrays.stack(states, 1).reshape(b * t, h);
        NDArray logp = logits(scope, hs, temperature).logSoftmax(-1);
        NDArray picked = logp.mul(scope.create(out, new Shape(b * t)).oneHot(vocab.size())).sum(new int[] {1});
        return picked.reshape(b, t).mul(scope.create(mask, new Shape(b, t)));
    }

    private NDArray logits(NDManager scope, NDArray hidden, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        NDArray l = linear(hidden, "out");
        if (temperature != 1.0) {
            l = l.div((float) temperature);
        }
        return l.add(scope.create(writableBias));
    }

    private NDArray gru(NDArray gx, NDArray state) {
        NDList x = gx.split(3, 1);
        NDList hh = linear(state, "gru.h").split(3, 1);
        NDArray z = Activation.sigmoid(x.get(0).add(hh.get(0)));
        NDArray r = Activation.sigmoid(x.get(1).add(hh.get(1)));
        NDArray n = x.get(2).add(r.mul(hh.get(2))).tanh();
        return n.add(z.mul(state.sub(n)));
    }

    /**
     * Samples {@code perInput} texts for each input at {@code temperature}, all at once; results are
     * grouped by input (input 0's texts first). Same stream, same texts.
     */
    public List<Generation> generate(List<PolicyInput> inputs, int perInput, double temperature, SplittableRandom rng) {
        Objects.requireNonNull(rng, "rng");
        if (perInput < 1) {
            throw new IllegalArgumentException("need at least one text per input, got " + perInput);
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        int b = inputs.size() * perInput;
        int h = spec.hidden();
        int maxT = spec.maxTextTokens();
        try (NDManager scope = manager.newSubManager()) {
            NDArray ctx = context(scope, inputs).repeat(0, perInput);
            NDArray xc = linear(ctx, "gru.xc");
            NDArray state = ctx;
            int[][] tokens = new int[b][maxT];
            int[] length = new int[b];
            boolean[] done = new boolean[b];
            double[] logp = new double[b];
            int[] last = new int[b];
            Arrays.fill(last, TextVocabulary.BOS_ID);
            int alive = b;
            float[] u = new float[b];
            for (int step = 0; step < maxT && alive > 0; step++) {
                try (NDManager stepScope = scope.newSubManager()) {
                    NDArray prev = embed(stepScope.create(last, new Shape(b)));
                    NDArray next = gru(linear(prev, "gru.xe").add(xc), state);
                    next.attach(scope);
                    state = next;
                    NDArray lp = logits(stepScope, state, temperature).logSoftmax(-1);
                    NDArray cdf = lp.exp().cumSum(1);
                    for (int i = 0; i < b; i++) {
                        u[i] = (float) rng.nextDouble();
                    }
                    NDArray threshold = stepScope.create(u, new Shape(b, 1)).mul(cdf.get(":, -1:"));
                    NDArray chosen = cdf.lt(threshold).sum(new int[] {1}).toType(ai.djl.ndarray.types.DataType.INT32,
                            false).clip(0, vocab.size() - 1);
                    int[] c = chosen.toIntArray();
                    float[] l = lp.mul(chosen.oneHot(vocab.size())).sum(new int[] {1}).toFloatArray();
                    for (int i = 0; i < b; i++) {
                        if (done[i]) {
                            last[i] = TextVocabulary.PAD_ID;
                            continue;
                        }
                        tokens[i][length[i]++] = c[i];
                        logp[i] += l[i];
                        last[i] = c[i];
                        if (c[i] == TextVocabulary.EOS_ID) {
                            done[i] = true;
                            alive--;
                        }
                    }
                }
            }
            List<Generation> out = new ArrayList<>(b);
            for (int i = 0; i < b; i++) {
                int[] t = Arrays.copyOf(tokens[i], length[i]);
                out.add(new Generation(i / perInput, t, vocab.decode(t), done[i], logp[i]));
            }
            return out;
        }
    }

    /**
     * Total log-probabilities of texts (token ids as in {@link Generation#tokens()}) for their
     * inputs at {@code temperature}.
     */
    public double[] logProbabilities(List<PolicyInput> inputs, List<int[]> targets, double temperature) {
        if (inputs.size() != targets.size()) {
            throw new IllegalArgumentException("inputs and texts differ in number: " + inputs.size() + " and "
                    + targets.size());
        }
        if (inputs.isEmpty()) {
            return new double[0];
        }
        try (NDManager scope = manager.newSubManager()) {
            float[] sums = tokenLogProbabilities(scope, context(scope, inputs), targets, temperature)
                    .sum(new int[] {1}).toFloatArray();
            double[] out = new double[sums.length];
            for (int i = 0; i < sums.length; i++) {
                out[i] = sums[i];
            }
            return out;
        }
    }

    /** The tokens to score for a text: its ids and the closing {@code <eos>}, cut to the policy's limit. */
    public int[] targetsOf(String text) {
        int[] ids = vocab.encode(text);
        int n = Math.min(ids.length, spec.maxTextTokens() - 1);
        int[] out = Arrays.copyOf(ids, n + 1);
        out[n] = TextVocabulary.EOS_ID;
        return out;
    }

    private NDArray embed(NDArray ids) {
        return Embedding.embedding(ids, params.get("emb"), SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray conv(NDArray x, String name) {
        return Conv2d.conv2d(x, params.get(name + ".w"), params.get(name + ".b"), new Shape(2, 2), new Shape(1, 1),
                new Shape(1, 1), 1).singletonOrThrow();
    }

    private NDArray linear(NDArray x, String name) {
        return Linear.linear(x, params.get(name + ".w"), params.get(name + ".b")).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * One sampled text.
     *
     * @param input index of its input
     * @param tokens the ids written, ending with {@code <eos>} when {@code finished}
     * @param text the decoded text
     * @param finished false when the policy hit its length limit before writing {@code <eos>}
     * @param logProbability sum of the log-probabilities of {@code tokens}
     */
    public record Generation(int input, int[] tokens, String text, boolean finished, double logProbability) {
    }
}
