package org.auditdm.api;

import java.util.Objects;

/** A question about one image. */
public record VisualQuestion(Picture image, String question) {
    public VisualQuestion {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
    }
}
