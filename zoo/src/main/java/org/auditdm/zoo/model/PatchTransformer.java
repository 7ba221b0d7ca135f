package org.auditdm.zoo.model;

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
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * Patch transformer: a strided convolution embeds PxP patches, learned positions are added, question
 * tokens get their own embeddings and positions, a CLS token is prepended, and pre-norm transformer
 * layers run over the joint sequence [CLS, patches, question] (padding tokens are masked as keys). The
 * classifier reads the final CLS token.
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
        int ps = t.patchSize();
        out.add(ParameterDef.normal("patch.w", 1.0 / Math.sqrt(3.0 * ps * ps), t.dim(), 3, ps, ps));
        out.add(ParameterDef.zeros("patch.b", t.dim()));
        out.add(ParameterDef.normal("pos.img", 0.1, patches(spec), t.dim()));
        out.add(ParameterDef.normal("q.emb", 0.5, vocab, t.dim()));
        out.add(ParameterDef.normal("pos.q", 0.1, spec.maxQuestionTokens(), t.dim()));
        out.add(ParameterDef.normal("cls", 0.1, t.dim()));
        for (int i = 0; i < t.layers(); i++) {
            TransformerLayer.layout("layer" + i, t.dim(), t.ffnDim(), t.layers(), out);
        }
        out.add(ParameterDef.ones("ln.g", t.dim()));
        out.add(ParameterDef.zeros("ln.b", t.dim()));
        FilmCnn.linear(out, "head.fc", t.dim(), t.headHidden(), 1.0);
        FilmCnn.linear(out, "head.out", t.headHidden(), answers, 1.0);
    }

    static long macs(ModelSpec spec, int answers) {
        TransformerSpec t = spec.transformer();
        int n = patches(spec);
        long macs = (long) n * t.dim() * 3L * t.patchSize() * t.patchSize();
        int tokens = 1 + n + spec.maxQuestionTokens();
        macs += (long) t.layers() * TransformerLayer.macs(tokens, t.dim(), t.ffnDim());
        macs += (long) t.dim() * t.headHidden() + (long) t.headHidden() * answers;
        return macs;
    }

    @Override
    public NDArray logits(NDManager scope, NDArray images, NDArray tokens, NDArray tokenMask) {
        long batch = images.getShape().get(0);
        int ps = t.patchSize();
        int d = t.dim();
        NDArray patches = Conv2d.conv2d(images.sub(0.5f), p.get("patch.w"), p.get("patch.b"), new Shape(ps, ps),
                new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
        patches = patches.reshape(batch, d, -1).transpose(0, 2, 1).add(p.get("pos.img"));
        NDArray words = Embedding.embedding(tokens, p.get("q.emb"), SparseFormat.DENSE).singletonOrThrow()
                .add(p.get("pos.q"));
        NDArray cls = scope.zeros(new Shape(batch, 1, d)).add(p.get("cls"));
        NDArray x = NDArrays.concat(new NDList(cls, patches, words), 1);
        NDArray always = scope.ones(new Shape(batch, 1 + patches.getShape().get(1)));
        NDArray additive = QuestionEncoder.additiveMask(always.concat(tokenMask, 1));
        for (TransformerLayer l : layers) {
            x = l.forward(x, additive);
        }
        NDArray first = x.get(":, 0, :");
        first = LayerNorm.layerNorm(first, new Shape(d), p.get("ln.g"), p.get("ln.b"), 1e-5f).singletonOrThrow();
        NDArray h = Activation.gelu(Linear.linear(first, p.get("head.fc.w"), p.get("head.fc.b")).singletonOrThrow());
        return Linear.linear(h, p.get("head.out.w"), p.get("head.out.b")).singletonOrThrow();
    }
}
