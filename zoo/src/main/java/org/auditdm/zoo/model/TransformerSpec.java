package org.auditdm.zoo.model;

/**
 * Shape of a {@link Family#PATCH_TRANSFORMER} network.
 *
 * @param patchSize side of the square image patches (a strided convolution embeds them)
 * @param dim model width
 * @param layers pre-norm transformer layers over [CLS, patches, question tokens]
 * @param heads attention heads
 * @param ffnDim feed-forward width
 * @param headHidden width of the classifier MLP on the CLS token
 */
public record TransformerSpec(int patchSize, int dim, int layers, int heads, int ffnDim, int headHidden) {
    public TransformerSpec {
        FilmSpec.positive("patchSize", patchSize);
        FilmSpec.positive("dim", dim);
        FilmSpec.positive("layers", layers);
        FilmSpec.positive("heads", heads);
        FilmSpec.positive("ffnDim", ffnDim);
        FilmSpec.positive("headHidden", headHidden);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not divisible by heads " + heads);
        }
    }
}
