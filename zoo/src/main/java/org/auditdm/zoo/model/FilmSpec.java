package org.auditdm.zoo.model;

import java.util.List;

/**
 * Shape of a {@link Family#FILM_CNN} network.
 *
 * @param stemWidth channels of the 3x3 stem convolution (input: RGB)
 * @param stemStride stride of the stem
 * @param stageWidths channels per stage; each stage opens with a 3x3 transition convolution
 * @param stageStrides downsampling factor of each stage: its transition convolution is followed by a max-pool
 *                     of this size
 * @param stageDepths FiLM residual blocks per stage
 * @param spatialGrid side of the average-pooled grid the head reads besides the global max (keeps "where")
 * @param gridChannels channels of the 1x1 reduction of the last feature map that is pooled into that grid
 * @param hiddenWidth width of the head
 * @param questionDim width of the question encoder
 * @param questionLayers self-attention layers in the question encoder
 * @param questionHeads attention heads in the question encoder
 * @param questionFfn feed-forward width in the question encoder
 * @param denseClasses class counts of the dense heads, empty for none: a 1x1 convolution over the first stage's
 *                     output predicts, per cell, one class per head (for the world: shape, colour, size and fill
 *                     of the object covering the cell, each with an extra "no object" class); trained by an
 *                     auxiliary loss when examples carry {@code DenseTargets}, unused when answering
 * @param blockCoordinates whether every FiLM block also reads x and y coordinate maps
 * @param pointers question-conditioned pointers in the head (0: none): each attends from a pooling of the question's
 *                 token states over the cells of the last feature map and hands the head the attended feature and
 *                 the attended (x, y), so that "is A left of B" compares two positions (experimental)
 * @param relationWidth width of a relation-network head (0: none; Santoro et al.): an MLP over every pair of cells of
 *                      the spatialGrid-pooled last feature map (with their coordinates) and the question, summed over
 *                      pairs (experimental)
 * @param pointerGeometry width of the question-scaled pointer geometry (0: none; needs two pointers): the displacement
 *                        (dx, dy) from the second pointer's attended position to the first's, multiplied by this many
 *                        question-computed (x, y) weights, handed to the head, so that "is A left of B" is a linear
 *                        function of its inputs whichever relation is asked (experimental)
 */
public record FilmSpec(int stemWidth, int stemStride, List<Integer> stageWidths, List<Integer> stageStrides,
                       List<Integer> stageDepths, int spatialGrid, int gridChannels, int hiddenWidth, int questionDim,
                       int questionLayers, int questionHeads, int questionFfn,
                       List<Integer> denseClasses, boolean blockCoordinates, int pointers,
                       int relationWidth, int pointerGeometry) {
    /** A FiLM CNN without dense heads. */
    public FilmSpec(int stemWidth, int stemStride, List<Integer> stageWidths, List<Integer> stageStrides,
                    List<Integer> stageDepths, int spatialGrid, int gridChannels, int hiddenWidth, int questionDim,
                    int questionLayers, int questionHeads, int questionFfn) {
        this(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, gridChannels, hiddenWidth,
                questionDim, questionLayers, questionHeads, questionFfn, List.of(), false, 0, 0, 0);
    }

    public FilmSpec {
        denseClasses = denseClasses == null ? List.of() : List.copyOf(denseClasses);
        denseClasses.forEach(n -> positive("denseClasses[]", n));
        stageWidths = List.copyOf(stageWidths);
        stageStrides = List.copyOf(stageStrides);
        stageDepths = List.copyOf(stageDepths);
        positive("stemWidth", stemWidth);
        positive("stemStride", stemStride);
        positive("spatialGrid", spatialGrid);
        positive("gridChannels", gridChannels);
        positive("hiddenWidth", hiddenWidth);
        positive("questionDim", questionDim);
        positive("questionLayers", questionLayers);
        positive("questionHeads", questionHeads);
        positive("questionFfn", questionFfn);
        if (relationWidth < 0) {
            throw new IllegalArgumentException("relationWidth must be >= 0, got " + relationWidth);
        }
        if (pointerGeometry < 0 || pointerGeometry > 0 && pointers < 2) {
            throw new IllegalArgumentException("pointerGeometry needs two pointers and must be >= 0, got "
                    + pointerGeometry + " with " + pointers + " pointers");
        }
        if (pointers < 0) {
            throw new IllegalArgumentException("pointers must be >= 0, got " + pointers);
        }
        if (stageWidths.isEmpty() || stageWidths.size() != stageStrides.size()
                || stageWidths.size() != stageDepths.size()) {
            throw new IllegalArgumentException("stageWidths, stageStrides and stageDepths must be non-empty and "
                    + "equally long, got " + stageWidths.size() + ", " + stageStrides.size() + ", " + stageDepths.size());
        }
        for (int i = 0; i < stageWidths.size(); i++) {
            positive("stageWidths[" + i + "]", stageWidths.get(i));
            positive("stageStrides[" + i + "]", stageStrides.get(i));
            if (stageDepths.get(i) < 0) {
                throw new IllegalArgumentException("stageDepths[" + i + "] must be >= 0");
            }
        }
        if (questionDim % questionHeads != 0) {
            throw new IllegalArgumentException("questionDim " + questionDim + " is not divisible by questionHeads "
                    + questionHeads);
        }
    }

    /** Output channels of the dense heads together. */
    public int denseChannels() {
        return denseClasses.stream().mapToInt(Integer::intValue).sum();
    }

    /** Side of the first stage's output, where the dense heads read, for a square input of side {@code imageSize}. */
    public int denseSide(int imageSize) {
        return imageSize / stemStride / stageStrides.get(0);
    }

    /** A copy with the given dense heads. */
    public FilmSpec withDenseClasses(List<Integer> classes) {
        return new FilmSpec(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, gridChannels,
                hiddenWidth, questionDim, questionLayers, questionHeads, questionFfn, classes, blockCoordinates, pointers,
                relationWidth, pointerGeometry);
    }

    /** A copy whose FiLM blocks do or do not read coordinate maps. */
    public FilmSpec withBlockCoordinates(boolean on) {
        return new FilmSpec(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, gridChannels,
                hiddenWidth, questionDim, questionLayers, questionHeads, questionFfn, denseClasses, on, pointers,
                relationWidth, pointerGeometry);
    }

    /** A copy with {@code n} pointers in the head. */
    public FilmSpec withPointers(int n) {
        return new FilmSpec(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, gridChannels,
                hiddenWidth, questionDim, questionLayers, questionHeads, questionFfn, denseClasses, blockCoordinates, n,
                relationWidth, pointerGeometry);
    }

    /** A copy whose head reduces the last feature map to {@code channels} channels for the grid (and relations). */
    public FilmSpec withGridChannels(int channels) {
        return new FilmSpec(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, channels,
                hiddenWidth, questionDim, questionLayers, questionHeads, questionFfn, denseClasses, blockCoordinates,
                pointers, relationWidth, pointerGeometry);
    }

    /** A copy with a relation-network head of the given width (0: none). */
    public FilmSpec withRelationWidth(int width) {
        return new FilmSpec(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, gridChannels,
                hiddenWidth, questionDim, questionLayers, questionHeads, questionFfn, denseClasses, blockCoordinates,
                pointers, width, pointerGeometry);
    }

    /** A copy whose head also reads the displacement between the first two pointers, scaled by the question. */
    public FilmSpec withPointerGeometry(int width) {
        return new FilmSpec(stemWidth, stemStride, stageWidths, stageStrides, stageDepths, spatialGrid, gridChannels,
                hiddenWidth, questionDim, questionLayers, questionHeads, questionFfn, denseClasses, blockCoordinates,
                pointers, relationWidth, width);
    }

    /** Side of the last feature map for a square input of side {@code imageSize}. */
    public int featureSide(int imageSize) {
        int side = imageSize / stemStride;
        for (int s : stageStrides) {
            side /= s;
        }
        return side;
    }

    static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
