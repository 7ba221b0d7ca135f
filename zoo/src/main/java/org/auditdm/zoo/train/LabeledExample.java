package org.auditdm.zoo.train;

import java.util.Objects;
import org.auditdm.api.Picture;

/**
 * One training example: an image, a question about it, the correct answer (in the answer vocabulary) and,
 * optionally, per-cell targets for a network's dense heads and the grounding of its phrases (null: none).
 */
public record LabeledExample(Picture image, String question, String answer, DenseTargets dense, Grounding grounding) {
    public LabeledExample(Picture image, String question, String answer) {
        this(image, question, answer, null, null);
    }

    public LabeledExample(Picture image, String question, String answer, DenseTargets dense) {
        this(image, question, answer, dense, null);
    }

    public LabeledExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        if (question.isBlank() || answer.isBlank()) {
            throw new IllegalArgumentException("question and answer must not be blank");
        }
    }
}
