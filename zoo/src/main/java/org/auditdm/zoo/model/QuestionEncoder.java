package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * Question encoder of the FiLM CNN: word embeddings plus learned positions (so word order matters: "is the
 * circle left of the square" differs from the reverse), self-attention layers, then a masked mean.
 */
final class QuestionEncoder {
    private final NDArray embedding;
    private final NDArray positions;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final NDArray lnG;
    private final NDArray lnB;
    private final int dim;

    QuestionEncoder(NamedParameters p, FilmSpec f) {
        embedding = p.get("q.emb");
        positions = p.get("q.pos");
        for (int i = 0; i < f.questionLayers(); i++) {
            layers.add(new TransformerLayer(p, "q.layer" + i, f.questionDim(), f.questionHeads()));
        }
        lnG = p.get("q.ln.g");
        lnB = p.get("q.ln.b");
        dim = f.questionDim();
    }

    static void layout(FilmSpec f, int vocab, int maxTokens, List<ParameterDef> out) {
        out.add(ParameterDef.normal("q.emb", 0.5, vocab, f.questionDim()));
        out.add(ParameterDef.normal("q.pos", 0.1, maxTokens, f.questionDim()));
        for (int i = 0; i < f.questionLayers(); i++) {
            TransformerLayer.layout("q.layer" + i, f.questionDim(), f.questionFfn(), f.questionLayers(), out);
        }
        out.add(ParameterDef.ones("q.ln.g", f.questionDim()));
        out.add(ParameterDef.zeros("q.ln.b", f.questionDim()));
    }

    /** (B, T) tokens, (B, T) mask to (B, questionDim). */
    NDArray encode(NDArray tokens, NDArray mask) {
        return encodeWithStates(tokens, mask)[0];
    }

    /** The masked mean (B, questionDim) and the token states (B, T, questionDim) it averages. */
    NDArray[] encodeWithStates(NDArray tokens, NDArray mask) {
        NDArray x = Embedding.embedding(tokens, embedding, SparseFormat.DENSE).singletonOrThrow().add(positions);
        NDArray additive = additiveMask(mask);
        for (TransformerLayer l : layers) {
            x = l.forward(x, additive);
        }
        x = LayerNorm.layerNorm(x, new Shape(dim), lnG, lnB, 1e-5f).singletonOrThrow();
        NDArray m = mask.expandDims(2);
        NDArray count = mask.sum(new int[] {1}, true).maximum(1f);
        return new NDArray[] {x.mul(m).sum(new int[] {1}).div(count), x};
    }

    /** (B, T) 1/0 mask to (B, 1, 1, T) additive attention mask. */
    static NDArray additiveMask(NDArray mask) {
        Shape s = mask.getShape();
        return mask.sub(1f).mul(1e9f).reshape(s.get(0), 1, 1, s.get(1));
    }
}
