package org.auditdm.zoo.model;

import java.util.List;

/**
 * Shape of a {@link Family#PATCH_TRANSFORMER} network.
 *
 * @param stemWidths channels of the convolutional stem, one 3x3 convolution with batch norm and ReLU per entry,
 *     each halving the side (the first by its stride, the others by a 2x2 max-pool), so patches are 2^n pixels
 *     square and the image becomes (side / 2^n)^2 tokens
 * @param dim model width
 * @param layers pre-norm transformer layers over [CLS, patches, question tokens]
 * @param heads attention heads
 * @param ffnDim feed-forward width
 * @param headHidden width of the classifier MLP on the CLS token
 * @param denseClasses class counts of the dense heads, empty for none: a 1x1 convolution over the second stem
 *     convolution's output (a quarter of the image's side) predicts one class per head and cell, trained by an
 *     auxiliary loss when examples carry dense targets (see {@link FilmSpec#denseClasses})
 */
public record TransformerSpec(List<Integer> stemWidths, int dim, int layers, int heads, int ffnDim,
                              int headHidden, List<Integer> denseClasses) {
    /** A patch transformer without dense heads. */
    public TransformerSpec(List<Integer> stemWidths, int dim, int layers, int heads, int ffnDim, int headHidden) {
        this(stemWidths, dim, layers, heads, ffnDim, headHidden, List.of());
    }

    public TransformerSpec {
        stemWidths = List.copyOf(stemWidths);
        denseClasses = denseClasses == null ? List.of() : List.copyOf(denseClasses);
        denseClasses.forEach(n -> FilmSpec.positive("denseClasses[]", n));
        if (!denseClasses.isEmpty() && stemWidths.size() < 2) {
            throw new IllegalArgumentException("dense heads need at least two stem convolutions");
        }
        if (stemWidths.isEmpty()) {
            throw new IllegalArgumentException("stemWidths must not be empty");
        }
        for (int i = 0; i < stemWidths.size(); i++) {
            FilmSpec.positive("stemWidths[" + i + "]", stemWidths.get(i));
        }
        FilmSpec.positive("dim", dim);
        FilmSpec.positive("layers", layers);
        FilmSpec.positive("heads", heads);
        FilmSpec.positive("ffnDim", ffnDim);
        FilmSpec.positive("headHidden", headHidden);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not divisible by heads " + heads);
        }
    }

    /** Output channels of the dense heads together. */
    public int denseChannels() {
        return denseClasses.stream().mapToInt(Integer::intValue).sum();
    }

    /** Side of the map the dense heads read: the second stem convolution's output. */
    public int denseSide(int imageSize) {
        return imageSize / 4;
    }

    /** A copy with the given dense heads. */
    public TransformerSpec withDenseClasses(List<Integer> classes) {
        return new TransformerSpec(stemWidths, dim, layers, heads, ffnDim, headHidden, classes);
    }

    /** Side of a patch in pixels: the stem halves the image once per convolution. */
    public int patchSize() {
        return 1 << stemWidths.size();
    }
}
