package org.auditdm.zoo.model;

import java.util.List;
import java.util.Objects;

/**
 * A zoo architecture: family, size name and shape. Exactly one of {@code film} / {@code transformer} is set,
 * matching the family. Stored in every checkpoint.
 *
 * <p>Presets (parameter counts depend on the vocabularies; see {@link #parameterCount}): {@link #S} a small
 * FiLM CNN, {@link #M} a patch transformer with more than ten times S's parameters, {@link #L} a wider and
 * deeper FiLM CNN larger than M. {@link #TINY_FILM} and {@link #TINY_TRANSFORMER} are for tests.
 *
 * @param name size name, for example "S"
 * @param family architecture family
 * @param imageSize side of the square RGB input (the world renders 64)
 * @param maxQuestionTokens question tokens after padding or truncation
 * @param film FiLM CNN shape, or null
 * @param transformer patch transformer shape, or null
 */
public record ModelSpec(String name, Family family, int imageSize, int maxQuestionTokens, FilmSpec film,
                        TransformerSpec transformer) {

    public static final ModelSpec S = new ModelSpec("S", Family.FILM_CNN, 64, 24,
            new FilmSpec(16, 2, List.of(32, 64), List.of(2, 2), List.of(1, 1), 4, 8, 128, 64, 1, 2, 128), null);

    public static final ModelSpec M = new ModelSpec("M", Family.PATCH_TRANSFORMER, 64, 24, null,
            new TransformerSpec(List.of(32, 48, 96, 160), 160, 5, 4, 640, 256));

    public static final ModelSpec L = new ModelSpec("L", Family.FILM_CNN, 64, 24,
            new FilmSpec(32, 2, List.of(64, 128, 192), List.of(2, 2, 2), List.of(1, 2, 2), 4, 16, 512, 128, 2, 4,
                    256), null);

    /** M with 8-pixel patches (an 8x8 grid of 64 image tokens instead of 4x4): experimental. */
    public static final ModelSpec M8 = new ModelSpec("M8", Family.PATCH_TRANSFORMER, 64, 24, null,
            new TransformerSpec(List.of(32, 64, 160), 160, 5, 4, 640, 256));

    /** A FiLM CNN between S and L (experimental: a medium model of the CNN family). */
    public static final ModelSpec MF = new ModelSpec("MF", Family.FILM_CNN, 64, 24,
            new FilmSpec(24, 2, List.of(48, 96, 160), List.of(2, 2, 2), List.of(1, 1, 2), 4, 12, 384, 96, 2, 4,
                    192), null);

    /** A few thousand parameters, for fast tests of the FiLM CNN code path. */
    public static final ModelSpec TINY_FILM = new ModelSpec("tiny-film", Family.FILM_CNN, 64, 24,
            new FilmSpec(8, 2, List.of(16, 16), List.of(2, 2), List.of(1, 1), 4, 4, 32, 16, 1, 2, 32), null);

    /** A small patch transformer for fast tests of the transformer code path. */
    public static final ModelSpec TINY_TRANSFORMER = new ModelSpec("tiny-transformer", Family.PATCH_TRANSFORMER,
            64, 24, null, new TransformerSpec(List.of(8, 16, 16, 32), 32, 1, 2, 64, 32));

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model spec name must not be blank");
        }
        FilmSpec.positive("imageSize", imageSize);
        FilmSpec.positive("maxQuestionTokens", maxQuestionTokens);
        if (family == Family.FILM_CNN) {
            if (film == null || transformer != null) {
                throw new IllegalArgumentException("a FILM_CNN spec needs film and no transformer");
            }
            int side = film.featureSide(imageSize);
            if (side < film.spatialGrid() || side % film.spatialGrid() != 0) {
                throw new IllegalArgumentException("feature map side " + side + " is not a multiple of spatialGrid "
                        + film.spatialGrid());
            }
        } else {
            if (transformer == null || film != null) {
                throw new IllegalArgumentException("a PATCH_TRANSFORMER spec needs transformer and no film");
            }
            if (imageSize % transformer.patchSize() != 0) {
                throw new IllegalArgumentException("imageSize " + imageSize + " is not a multiple of patchSize "
                        + transformer.patchSize());
            }
        }
    }

    /** Class counts of the network's dense heads (empty: none). */
    public List<Integer> denseClasses() {
        return film != null ? film.denseClasses() : transformer.denseClasses();
    }

    /** Side of the grid the dense heads predict on. */
    public int denseSide() {
        return film != null ? film.denseSide(imageSize) : transformer.denseSide(imageSize);
    }

    /** A copy with the given dense heads. */
    public ModelSpec withDenseClasses(List<Integer> classes) {
        return new ModelSpec(name, family, imageSize, maxQuestionTokens,
                film == null ? null : film.withDenseClasses(classes),
                transformer == null ? null : transformer.withDenseClasses(classes));
    }

    /** The preset called S, M or L (case-insensitive). */
    public static ModelSpec preset(String size) {
        return switch (size.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "S" -> S;
            case "M" -> M;
            case "L" -> L;
            case "M8" -> M8;
            case "MF" -> MF;
            default -> throw new IllegalArgumentException("unknown model size '" + size + "' (expected S, M or L)");
        };
    }

    /** Exact number of trainable scalars for the given vocabulary sizes. */
    public long parameterCount(int questionVocabularySize, int answerCount) {
        return ParameterLayout.of(this, questionVocabularySize, answerCount).parameterCount();
    }

    /** Analytic floating-point operations of one forward pass (one image, one question); see {@link FlopCounter}. */
    public long flopsPerInference(int answerCount) {
        return FlopCounter.flops(this, answerCount);
    }
}
