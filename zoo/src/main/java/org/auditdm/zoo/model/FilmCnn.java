package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * FiLM CNN: RGB plus two coordinate channels, a strided 3x3 stem, stages of (strided 3x3 transition,
 * residual blocks) where each block's normalised output is scaled and shifted per channel by
 * (1 + gamma, beta) computed from the question encoding. The last feature map is average-pooled to a
 * coarse spatial grid and flattened (so "where" survives), joined with the question encoding, and
 * classified by a two-layer MLP.
 */
final class FilmCnn implements Network {
    private final ModelSpec spec;
    private final FilmSpec f;
    private final NamedParameters p;
    private final QuestionEncoder question;
    private final float[] coordinates;

    FilmCnn(ModelSpec spec, NamedParameters p) {
        this.spec = spec;
        this.f = spec.film();
        this.p = p;
        this.question = new QuestionEncoder(p, f);
        int n = spec.imageSize();
        coordinates = new float[2 * n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                coordinates[y * n + x] = 2f * x / (n - 1) - 1f;
                coordinates[n * n + y * n + x] = 2f * y / (n - 1) - 1f;
            }
        }
    }

    static void layout(ModelSpec spec, int vocab, int answers, List<ParameterDef> out) {
        FilmSpec f = spec.film();
        QuestionEncoder.layout(f, vocab, spec.maxQuestionTokens(), out);
        conv(out, "stem", 5, f.stemWidth());
        int in = f.stemWidth();
        for (int s = 0; s < f.stageWidths().size(); s++) {
            int c = f.stageWidths().get(s);
            conv(out, "stage" + s + ".down", in, c);
            for (int b = 0; b < f.stageDepths().get(s); b++) {
                String pre = "stage" + s + ".block" + b;
                conv(out, pre + ".conv1", c, c);
                conv(out, pre + ".conv2", c, c);
                // Zero FiLM weights: every block starts as an unmodulated residual block.
                out.add(ParameterDef.zeros(pre + ".film.w", 2L * c, f.questionDim()));
                out.add(ParameterDef.zeros(pre + ".film.b", 2L * c));
            }
            in = c;
        }
        int g = f.spatialGrid();
        linear(out, "head.spatial", (long) in * g * g, f.hiddenWidth(), Math.sqrt(2.0));
        linear(out, "head.fc", f.hiddenWidth() + f.questionDim(), f.hiddenWidth(), Math.sqrt(2.0));
        linear(out, "head.out", f.hiddenWidth(), answers, 1.0);
    }

    private static void conv(List<ParameterDef> out, String name, int in, int outCh) {
        out.add(ParameterDef.normal(name + ".w", Math.sqrt(2.0 / (in * 9)), outCh, in, 3, 3));
        out.add(ParameterDef.zeros(name + ".b", outCh));
    }

    static void linear(List<ParameterDef> out, String name, long in, long outDim, double gain) {
        out.add(ParameterDef.normal(name + ".w", gain / Math.sqrt(in), outDim, in));
        out.add(ParameterDef.zeros(name + ".b", outDim));
    }

    static long macs(ModelSpec spec, int answers) {
        FilmSpec f = spec.film();
        int t = spec.maxQuestionTokens();
        long macs = (long) f.questionLayers() * TransformerLayer.macs(t, f.questionDim(), f.questionFfn());
        int side = spec.imageSize() / f.stemStride();
        macs += 5L * 9 * f.stemWidth() * side * side;
        int in = f.stemWidth();
        for (int s = 0; s < f.stageWidths().size(); s++) {
            int c = f.stageWidths().get(s);
            side /= f.stageStrides().get(s);
            macs += (long) in * 9 * c * side * side;
            macs += f.stageDepths().get(s) * (2L * c * 9 * c * side * side + 2L * c * f.questionDim());
            in = c;
        }
        int g = f.spatialGrid();
        macs += (long) in * g * g * f.hiddenWidth();
        macs += (long) (f.hiddenWidth() + f.questionDim()) * f.hiddenWidth();
        macs += (long) f.hiddenWidth() * answers;
        return macs;
    }

    @Override
    public NDArray logits(NDManager scope, NDArray images, NDArray tokens, NDArray tokenMask) {
        long batch = images.getShape().get(0);
        int n = spec.imageSize();
        NDArray q = question.encode(tokens, tokenMask);
        NDArray coords = scope.create(coordinates, new Shape(1, 2, n, n)).broadcast(batch, 2, n, n);
        NDArray x = images.sub(0.5f).concat(coords, 1);
        x = Activation.relu(conv(x, "stem", f.stemStride()));
        for (int s = 0; s < f.stageWidths().size(); s++) {
            x = Activation.relu(conv(x, "stage" + s + ".down", f.stageStrides().get(s)));
            for (int b = 0; b < f.stageDepths().get(s); b++) {
                x = block(x, q, "stage" + s + ".block" + b);
            }
        }
        int side = (int) x.getShape().get(2);
        int k = side / f.spatialGrid();
        if (k > 1) {
            x = Pool.avgPool2d(x, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
        }
        NDArray spatial = Activation.relu(linear(x.reshape(batch, -1), "head.spatial"));
        NDArray h = Activation.relu(linear(spatial.concat(q, 1), "head.fc"));
        return linear(h, "head.out");
    }

    private NDArray block(NDArray x, NDArray q, String pre) {
        long c = x.getShape().get(1);
        NDArray h = Activation.relu(conv(x, pre + ".conv1", 1));
        h = conv(h, pre + ".conv2", 1);
        // Per-sample normalisation over (C, H, W): batch-independent, so a batch of one answers like a batch of 64.
        long batch = x.getShape().get(0);
        Shape shape = h.getShape();
        NDArray flat = h.reshape(batch, -1);
        NDArray centred = flat.sub(flat.mean(new int[] {1}, true));
        NDArray std = centred.square().mean(new int[] {1}, true).add(1e-5f).sqrt();
        h = centred.div(std).reshape(shape);
        NDList film = linear(q, pre + ".film").split(2, 1);
        NDArray gamma = film.get(0).reshape(batch, c, 1, 1);
        NDArray beta = film.get(1).reshape(batch, c, 1, 1);
        h = Activation.relu(h.mul(gamma.add(1f)).add(beta));
        return x.add(h);
    }

    private NDArray conv(NDArray x, String name, int stride) {
        return Conv2d.conv2d(x, p.get(name + ".w"), p.get(name + ".b"), new Shape(stride, stride), new Shape(1, 1),
                new Shape(1, 1), 1).singletonOrThrow();
    }

    private NDArray linear(NDArray x, String name) {
        return Linear.linear(x, p.get(name + ".w"), p.get(name + ".b")).singletonOrThrow();
    }
}
