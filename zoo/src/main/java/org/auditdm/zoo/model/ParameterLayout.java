package org.auditdm.zoo.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered parameter tensors of a network for given vocabulary sizes. The order is the storage and
 * checksum order of checkpoints.
 */
public record ParameterLayout(List<ParameterDef> parameters) {
    public ParameterLayout {
        parameters = List.copyOf(parameters);
    }

    public static ParameterLayout of(ModelSpec spec, int questionVocabularySize, int answerCount) {
        if (questionVocabularySize < 2) {
            throw new IllegalArgumentException("question vocabulary size must be >= 2, got " + questionVocabularySize);
        }
        if (answerCount < 2) {
            throw new IllegalArgumentException("answer count must be >= 2, got " + answerCount);
        }
        List<ParameterDef> p = new ArrayList<>();
        if (spec.family() == Family.FILM_CNN) {
            FilmCnn.layout(spec, questionVocabularySize, answerCount, p);
        } else {
            PatchTransformer.layout(spec, questionVocabularySize, answerCount, p);
        }
        return new ParameterLayout(p);
    }

    /** Trainable scalars (buffers such as batch-norm running statistics are not counted). */
    public long parameterCount() {
        long n = 0;
        for (ParameterDef d : parameters) {
            n += d.trainable() ? d.size() : 0;
        }
        return n;
    }
}
