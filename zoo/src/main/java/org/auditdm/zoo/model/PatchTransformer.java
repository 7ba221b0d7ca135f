package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * Patch transformer with a convolutional stem (after Xiao et al., 2021, "Early convolutions help transformers
 * see better"): a strided 3x3 convolution, then 3x3 convolutions each followed by a 2x2 max-pool, all with batch
 * norm, turn the image into a grid of patch features, a
 * linear map embeds them as tokens with learned positions, question tokens get their own embeddings and
 * positions, a CLS token is prepended, and pre-norm transformer layers run over the joint sequence [CLS,
 * patches, question] (padding tokens are masked as keys). The classifier reads the final CLS token and the
 * maximum over the final patch tokens (as the FiLM CNN's head reads a global max: a small object's features
 * are not averaged away). An earlier version embedded 16x16 patches with one linear map and never learned
 * where an object is (position 16% on single objects).
 */
final class PatchTransformer implements Network {
    private final ModelSpec spec;
    private final TransformerSpec t;
    private final NamedParameters p;
    private final List<TransformerLayer> layers = new ArrayList<>();

    PatchTransformer(ModelSpec spec, NamedParameters p) {
        this.spec = spec;
        this.t = spec.transformer();
        this.p = p;
        for (int i = 0; i < t.layers(); i++) {
            layers.add(new TransformerLayer(p, "layer" + i, t.dim(), t.heads()));
        }
    }

    static int patches(ModelSpec spec) {
        int side = spec.imageSize() / spec.transformer().patchSize();
        return side * side;
    }

    static void layout(ModelSpec spec, int vocab, int answers, List<ParameterDef> out) {
        TransformerSpec t = spec.transformer();
        int in = 3;
        for (int i = 0; i < t.stemWidths().size(); i++) {
            Layers.convBn(out, "stem" + i, in, t.stemWidths().get(i), 3);
            in = t.stemWidths().get(i);
        }
        if (t.denseChannels() > 0) {
            Layers.linear(out, "dense", t.stemWidths().get(1), t.denseChannels(), 1.0);
        }
        Layers.linear(out, "patch", in, t.dim(), 1.0);
        out.add(ParameterDef.normal("pos.img", 0.1, patches(spec), t.dim()));
        out.add(ParameterDef.normal("q.emb", 0.5, vocab, t.dim()));
        out.add(ParameterDef.normal("pos.q", 0.1, spec.maxQuestionTokens(), t.dim()));
        out.add(ParameterDef.normal("cls", 0.1, t.dim()));
        for (int i = 0; i < t.layers(); i++) {
            TransformerLayer.layout("layer" + i, t.dim(), t.ffnDim(), t.layers(), out);
        }
        out.add(ParameterDef.ones("ln.g", t.dim()));
        out.add(ParameterDef.zeros("ln.b", t.dim()));
        out.add(ParameterDef.ones("ln.max.g", t.dim()));
        out.add(ParameterDef.zeros("ln.max.b", t.dim()));
        Layers.linear(out, "head.fc", 2L * t.dim(), t.headHidden(), 1.0);
        Layers.linear(out, "head.out", t.headHidden(), answers, 1.0);
    }

    static long macs(ModelSpec spec, int answers) {
        TransformerSpec t = spec.transformer();
        long macs = 0;
        int in = 3;
        int side = spec.imageSize();
        for (int i = 0; i < t.stemWidths().size(); i++) {
            int w = t.stemWidths().get(i);
            side = i == 0 ? side / 2 : side;
            macs += Layers.convMacs(in, w, 3, side);
            side = i == 0 ? side : side / 2;
            in = w;
        }
        int n = patches(spec);
        macs += (long) n * in * t.dim();
        int tokens = 1 + n + spec.maxQuestionTokens();
        macs += (long) t.layers() * TransformerLayer.macs(tokens, t.dim(), t.ffnDim());
        macs += 2L * t.dim() * t.headHidden() + (long) t.headHidden() * answers;
        return macs;
    }

    @Override
    public NDArray[] forward(NDManager scope, NDArray images, NDArray tokens, NDArray tokenMask, boolean training,
                             boolean denseAsked) {
        boolean dense = denseAsked && t.denseChannels() > 0;
        long batch = images.getShape().get(0);
        int d = t.dim();
        NDArray denseOut = null;
        NDArray x = images.sub(0.5f);
        for (int i = 0; i < t.stemWidths().size(); i++) {
            // The first convolution strides (as the FiLM CNN's stem does: a full-resolution convolution of three
            // channels is slow and bought nothing measurable); the others pool.
            x = i == 0 ? Activation.relu(Layers.convBn(x, p, "stem0", 2, training))
                    : Layers.maxPool(Activation.relu(Layers.convBn(x, p, "stem" + i, 1, training)), 2);
            if (i == 1 && dense) {
                denseOut = Layers.linear(x.transpose(0, 2, 3, 1), p, "dense").transpose(0, 3, 1, 2);
            }
        }
        NDArray grid = x.reshape(batch, x.getShape().get(1), -1).transpose(0, 2, 1);
        NDArray patches = Layers.linear(grid, p, "patch").add(p.get("pos.img"));
        NDArray words = Embedding.embedding(tokens, p.get("q.emb"), SparseFormat.DENSE).singletonOrThrow()
                .add(p.get("pos.q"));
        NDArray cls = scope.zeros(new Shape(batch, 1, d)).add(p.get("cls"));
        NDArray seq = NDArrays.concat(new NDList(cls, patches, words), 1);
        NDArray always = scope.ones(new Shape(batch, 1 + patches.getShape().get(1)));
        NDArray additive = QuestionEncoder.additiveMask(always.concat(tokenMask, 1));
        for (TransformerLayer l : layers) {
            seq = l.forward(seq, additive);
        }
        NDArray first = seq.get(":, 0, :");
        first = LayerNorm.layerNorm(first, new Shape(d), p.get("ln.g"), p.get("ln.b"), 1e-5f).singletonOrThrow();
        long n = patches.getShape().get(1);
        NDArray most = seq.get(":, 1:" + (1 + n) + ", :").max(new int[] {1});
        most = LayerNorm.layerNorm(most, new Shape(d), p.get("ln.max.g"), p.get("ln.max.b"), 1e-5f)
                .singletonOrThrow();
        NDArray h = Activation.gelu(Layers.linear(first.concat(most, 1), p, "head.fc"));
        return new NDArray[] {Layers.linear(h, p, "head.out"), denseOut};
    }
}
