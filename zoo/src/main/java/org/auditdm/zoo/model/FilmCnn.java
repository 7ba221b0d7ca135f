package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * FiLM CNN (after Perez et al., 2018): a strided 3x3 stem, then stages of (3x3 transition and max-pool,
 * residual blocks), every convolution batch-normalised; in each block the second normalised convolution is
 * scaled and shifted per channel by (1 + gamma, beta) computed from the question encoding.
 *
 * <p>Two choices are measured, not taken on faith (single-object shape questions, 8 shapes, S-sized network,
 * 600 steps): stages that downsample with a strided convolution, or coordinate channels added to the input
 * (their smooth ramps dominated the normalised stem features), each kept the network at the majority-class
 * rate (13-22%); with neither it reached 64%.
 *
 * <p>The head reads the last feature map two ways: a global max over positions ("what": a feature fires
 * wherever the object is, so shape and colour detectors are learned once, not once per cell) and a coarse
 * grid of a 1x1-reduced map, average-pooled to {@code spatialGrid} x {@code spatialGrid} ("where"). Both are
 * joined with the question vector and classified by one hidden layer. The zoo's first FiLM CNN (strided
 * transitions, coordinate channels, no normalisation but a per-sample one in blocks, a head that only
 * flattened the average-pooled grid) never learned to tell shapes apart: 18-24% on single objects after
 * 8,000 steps of full training.
 */
final class FilmCnn implements Network {
    private final ModelSpec spec;
    private final FilmSpec f;
    private final NamedParameters p;
    private final QuestionEncoder question;

    FilmCnn(ModelSpec spec, NamedParameters p) {
        this.spec = spec;
        this.f = spec.film();
        this.p = p;
        this.question = new QuestionEncoder(p, f);
    }

    static void layout(ModelSpec spec, int vocab, int answers, List<ParameterDef> out) {
        FilmSpec f = spec.film();
        QuestionEncoder.layout(f, vocab, spec.maxQuestionTokens(), out);
        Layers.convBn(out, "stem", 3, f.stemWidth(), 3);
        int in = f.stemWidth();
        for (int s = 0; s < f.stageWidths().size(); s++) {
            int c = f.stageWidths().get(s);
            Layers.convBn(out, "stage" + s + ".down", in, c, 3);
            for (int b = 0; b < f.stageDepths().get(s); b++) {
                String pre = "stage" + s + ".block" + b;
                Layers.convBn(out, pre + ".conv1", f.blockCoordinates() ? c + 2 : c, c, 3);
                Layers.convBn(out, pre + ".conv2", c, c, 3);
                // Zero FiLM weights: every block starts as an unmodulated residual block.
                out.add(ParameterDef.zeros(pre + ".film.w", 2L * c, f.questionDim()));
                out.add(ParameterDef.zeros(pre + ".film.b", 2L * c));
            }
            in = c;
        }
        if (f.denseChannels() > 0) {
            Layers.linear(out, "dense", f.stageWidths().get(0), f.denseChannels(), 1.0);
        }
        Layers.convBn(out, "head.where", in, f.gridChannels(), 1);
        int g = f.spatialGrid();
        long features = in + (long) f.gridChannels() * g * g + f.questionDim() + (long) f.pointers() * (in + 2)
                + f.relationWidth() + f.pointerGeometry();
        if (f.relationWidth() > 0) {
            int r = f.relationWidth();
            Layers.linear(out, "head.rel.g1", 2L * (f.gridChannels() + 2) + f.questionDim(), r, Math.sqrt(2.0));
            Layers.linear(out, "head.rel.g2", r, r, Math.sqrt(2.0));
        }
        for (int k = 0; k < f.pointers(); k++) {
            out.add(ParameterDef.normal("head.ptr" + k + ".u", 0.1, f.questionDim()));
            Layers.linear(out, "head.ptr" + k + ".q", f.questionDim(), in, 1.0);
        }
        if (f.pointerGeometry() > 0) {
            Layers.linear(out, "head.geo", f.questionDim(), 2L * f.pointerGeometry(), 1.0);
        }
        Layers.linear(out, "head.fc", features, f.hiddenWidth(), Math.sqrt(2.0));
        Layers.linear(out, "head.out", f.hiddenWidth(), answers, 1.0);
    }

    static long macs(ModelSpec spec, int answers) {
        FilmSpec f = spec.film();
        int t = spec.maxQuestionTokens();
        long macs = (long) f.questionLayers() * TransformerLayer.macs(t, f.questionDim(), f.questionFfn());
        int side = spec.imageSize() / f.stemStride();
        macs += Layers.convMacs(3, f.stemWidth(), 3, side);
        int in = f.stemWidth();
        for (int s = 0; s < f.stageWidths().size(); s++) {
            int c = f.stageWidths().get(s);
            macs += Layers.convMacs(in, c, 3, side);
            side /= f.stageStrides().get(s);
            int in1 = f.blockCoordinates() ? c + 2 : c;
            macs += f.stageDepths().get(s) * (Layers.convMacs(in1, c, 3, side) + Layers.convMacs(c, c, 3, side)
                    + 2L * c * f.questionDim());
            in = c;
        }
        macs += Layers.convMacs(in, f.gridChannels(), 1, side);
        int g = f.spatialGrid();
        macs += (in + (long) f.gridChannels() * g * g + f.questionDim() + (long) f.pointers() * (in + 2)
                + f.relationWidth() + f.pointerGeometry()) * f.hiddenWidth();
        macs += (long) f.questionDim() * 2 * f.pointerGeometry();
        macs += (long) f.pointers() * ((long) t * f.questionDim() + (long) f.questionDim() * in
                + 2L * in * side * side);
        macs += (long) f.hiddenWidth() * answers;
        return macs;
    }

    @Override
    public NDArray[] forward(NDManager scope, NDArray images, NDArray tokens, NDArray tokenMask, boolean training,
                             boolean denseAsked) {
        boolean dense = denseAsked && f.denseChannels() > 0;
        long batch = images.getShape().get(0);
        NDArray[] encoded = question.encodeWithStates(tokens, tokenMask);
        NDArray q = encoded[0];
        NDArray denseOut = null;
        NDArray x = Activation.relu(Layers.convBn(images.sub(0.5f), p, "stem", f.stemStride(), training));
        for (int s = 0; s < f.stageWidths().size(); s++) {
            x = Layers.maxPool(Activation.relu(Layers.convBn(x, p, "stage" + s + ".down", 1, training)),
                    f.stageStrides().get(s));
            for (int b = 0; b < f.stageDepths().get(s); b++) {
                x = block(x, q, "stage" + s + ".block" + b, training);
            }
            if (s == 0 && dense) {
                // 1x1 convolution as a linear map over channels: (B, C, G, G) -> (B, G, G, C) -> (B, G, G, K).
                denseOut = Layers.linear(x.transpose(0, 2, 3, 1), p, "dense").transpose(0, 3, 1, 2);
            }
        }
        long c = x.getShape().get(1);
        NDArray what = x.reshape(batch, c, -1).max(new int[] {2});
        NDArray where = Activation.relu(Layers.convBn(x, p, "head.where", 1, training));
        int side = (int) where.getShape().get(2);
        int k = side / f.spatialGrid();
        if (k > 1) {
            where = Pool.avgPool2d(where, new Shape(k, k), new Shape(k, k), new Shape(0, 0), false, true);
        }
        NDArray joined = what.concat(where.reshape(batch, -1), 1).concat(q, 1);
        NDList attentions = new NDList();
        if (f.pointers() > 0) {
            joined = joined.concat(pointers(x, encoded[1], tokenMask, attentions), 1);
        }
        if (f.pointerGeometry() > 0) {
            joined = joined.concat(geometry(joined, q, c), 1);
        }
        if (f.relationWidth() > 0) {
            joined = joined.concat(relations(where, q), 1);
        }
        NDArray h = Activation.relu(Layers.linear(joined, p, "head.fc"));
        NDArray logits = Layers.linear(h, p, "head.out");
        if (denseAsked && !attentions.isEmpty()) {
            // (B, P, cells): each pointer's attention over the last feature map, for a grounding loss in training
            return new NDArray[] {logits, denseOut, NDArrays.concat(attentions, 1)};
        }
        return new NDArray[] {logits, denseOut};
    }

    /**
     * Each pointer pools the question's token states with its own learned query (so one can take the subject and
     * another the object of a relation), maps the pooled state to a query over the channels of the last feature
     * map, attends over its cells and returns the attended feature and the attended (x, y) in [-1, 1].
     */
    private NDArray pointers(NDArray x, NDArray states, NDArray tokenMask, NDList attentions) {
        long batch = x.getShape().get(0);
        long c = x.getShape().get(1);
        int side = (int) x.getShape().get(2);
        NDArray cells = x.reshape(batch, c, (long) side * side);
        float[] xy = new float[side * side * 2];
        for (int yy = 0; yy < side; yy++) {
            for (int xx = 0; xx < side; xx++) {
                int i = yy * side + xx;
                xy[2 * i] = side == 1 ? 0f : 2f * xx / (side - 1) - 1f;
                xy[2 * i + 1] = side == 1 ? 0f : 2f * yy / (side - 1) - 1f;
            }
        }
        NDArray coords = x.getManager().create(xy, new Shape((long) side * side, 2));
        NDArray additive = tokenMask.sub(1f).mul(1e9f);
        NDList parts = new NDList();
        for (int k = 0; k < f.pointers(); k++) {
            NDArray u = p.get("head.ptr" + k + ".u");
            NDArray tokenScores = states.matMul(u.reshape(-1, 1)).squeeze(2).add(additive);
            NDArray pooled = tokenScores.softmax(1).expandDims(1).matMul(states).squeeze(1);
            NDArray query = Layers.linear(pooled, p, "head.ptr" + k + ".q");
            NDArray scores = query.expandDims(1).matMul(cells).div((float) Math.sqrt(c));
            NDArray attention = scores.softmax(2);
            attentions.add(attention);
            NDArray feature = cells.matMul(attention.transpose(0, 2, 1)).squeeze(2);
            NDArray where = attention.matMul(coords).squeeze(1);
            parts.add(feature);
            parts.add(where);
        }
        return NDArrays.concat(parts, 1);
    }

    /**
     * The displacement (dx, dy) from pointer 1's attended position to pointer 0's, times question-computed weights:
     * {@code pointerGeometry} features w_x dx + w_y dy. Whichever relation a question asks ("left of": -dx, "below":
     * dy), its answer is then a linear function of these features, which a head learns at once, where the plain
     * pointer coordinates need it to learn the product of a position and a word first.
     */
    private NDArray geometry(NDArray joined, NDArray q, long channels) {
        long batch = joined.getShape().get(0);
        long offset = joined.getShape().get(1) - (long) f.pointers() * (channels + 2);
        // pointer k's (x, y) sit at offset + k * (channels + 2) + channels
        NDArray xy0 = joined.get(new NDIndex(":, {}:{}", offset + channels, offset + channels + 2));
        long at1 = offset + (channels + 2) + channels;
        NDArray xy1 = joined.get(new NDIndex(":, {}:{}", at1, at1 + 2));
        NDArray delta = xy0.sub(xy1).expandDims(1); // (B, 1, 2)
        NDArray weights = Layers.linear(q, p, "head.geo").reshape(batch, f.pointerGeometry(), 2);
        return weights.mul(delta).sum(new int[] {2});
    }

    /**
     * Relation-network head: every ordered pair of grid cells (their pooled "where" features and (x, y)) with the
     * question, through a two-layer MLP, summed over pairs.
     */
    private NDArray relations(NDArray where, NDArray q) {
        long batch = where.getShape().get(0);
        long c = where.getShape().get(1);
        int g = (int) where.getShape().get(2);
        int n = g * g;
        float[] xy = new float[n * 2];
        for (int yy = 0; yy < g; yy++) {
            for (int xx = 0; xx < g; xx++) {
                xy[2 * (yy * g + xx)] = g == 1 ? 0f : 2f * xx / (g - 1) - 1f;
                xy[2 * (yy * g + xx) + 1] = g == 1 ? 0f : 2f * yy / (g - 1) - 1f;
            }
        }
        NDArray coords = where.getManager().create(xy, new Shape(1, n, 2)).broadcast(new Shape(batch, n, 2));
        NDArray cells = where.reshape(batch, c, n).transpose(0, 2, 1).concat(coords, 2); // (B, n, c+2)
        long d = c + 2;
        NDArray a = cells.expandDims(2).broadcast(new Shape(batch, n, n, d));
        NDArray b = cells.expandDims(1).broadcast(new Shape(batch, n, n, d));
        NDArray qq = q.reshape(batch, 1, 1, -1).broadcast(new Shape(batch, n, n, q.getShape().get(1)));
        NDArray pairs = a.concat(b, 3).concat(qq, 3).reshape(batch * n * n, -1);
        NDArray h = Activation.relu(Layers.linear(pairs, p, "head.rel.g1"));
        h = Activation.relu(Layers.linear(h, p, "head.rel.g2"));
        return h.reshape(batch, (long) n * n, -1).sum(new int[] {1}).div((float) n);
    }

    private NDArray block(NDArray x, NDArray q, String pre, boolean training) {
        long c = x.getShape().get(1);
        long batch = x.getShape().get(0);
        NDArray in = x;
        if (f.blockCoordinates()) {
            int side = (int) x.getShape().get(2);
            float[] coords = new float[2 * side * side];
            for (int y = 0; y < side; y++) {
                for (int i = 0; i < side; i++) {
                    coords[y * side + i] = side == 1 ? 0f : 2f * i / (side - 1) - 1f;
                    coords[side * side + y * side + i] = side == 1 ? 0f : 2f * y / (side - 1) - 1f;
                }
            }
            NDArray maps = x.getManager().create(coords, new Shape(1, 2, side, side))
                    .broadcast(new Shape(batch, 2, side, side));
            in = x.concat(maps, 1);
        }
        NDArray h = Activation.relu(Layers.convBn(in, p, pre + ".conv1", 1, training));
        h = Layers.convBn(h, p, pre + ".conv2", 1, training);
        NDList film = Layers.linear(q, p, pre + ".film").split(2, 1);
        NDArray gamma = film.get(0).reshape(batch, c, 1, 1);
        NDArray beta = film.get(1).reshape(batch, c, 1, 1);
        h = Activation.relu(h.mul(gamma.add(1f)).add(beta));
        return x.add(h);
    }
}
