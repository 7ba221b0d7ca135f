package org.auditdm.world.question;

import java.util.Objects;

/**
 * A question understood: its program and the template whose wording it used.
 *
 * @param templateId id of the matching {@link Template}
 */
public record ParsedQuestion(Program program, String templateId) {
    public ParsedQuestion {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(templateId, "templateId");
    }
}
