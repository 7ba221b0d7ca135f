package org.auditdm.zoo.train;

import java.util.Objects;
import org.auditdm.api.Picture;

/** One training example: an image, a question about it, and the correct answer (in the answer vocabulary). */
public record LabeledExample(Picture image, String question, String answer) {
    public LabeledExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        if (question.isBlank() || answer.isBlank()) {
            throw new IllegalArgumentException("question and answer must not be blank");
        }
    }
}
