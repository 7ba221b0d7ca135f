package org.auditdm.world.question;

import java.util.Objects;

/**
 * A sampled question with its oracle answer.
 *
 * @param text the question as written through {@code templateId}
 * @param answer the canonical answer, always in {@link AnswerSpace}
 */
public record QA(Program program, String text, String templateId, String answer) {
    public QA {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(answer, "answer");
    }
}
