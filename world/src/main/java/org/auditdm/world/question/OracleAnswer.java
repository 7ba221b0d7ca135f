package org.auditdm.world.question;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What the oracle says about a question on a scene: a canonical answer, or why there is none.
 *
 * @param answer the canonical lower-case answer when {@link Status#ANSWER}, else null
 * @param reason why the question has no answer, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OracleAnswer(Status status, String answer, String reason) {

    /** Whether the scene settles the question. */
    public enum Status {
        /** One correct answer. */
        ANSWER,
        /** The question presupposes something the scene lacks (no star, no sign, a chart question on objects). */
        UNANSWERABLE,
        /** The scene allows several answers (two circles of different colours, a mostly hidden object). */
        AMBIGUOUS
    }

    public OracleAnswer {
        Objects.requireNonNull(status, "status");
        if (status == Status.ANSWER) {
            if (answer == null || answer.isBlank() || reason != null) {
                throw new IllegalArgumentException("an ANSWER carries an answer and no reason");
            }
        } else if (answer != null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(status + " carries a reason and no answer");
        }
    }

    public static OracleAnswer of(String answer) {
        return new OracleAnswer(Status.ANSWER, answer, null);
    }

    public static OracleAnswer yesNo(boolean yes) {
        return of(yes ? "yes" : "no");
    }

    public static OracleAnswer unanswerable(String reason) {
        return new OracleAnswer(Status.UNANSWERABLE, null, reason);
    }

    public static OracleAnswer ambiguous(String reason) {
        return new OracleAnswer(Status.AMBIGUOUS, null, reason);
    }

    @JsonIgnore
    public boolean isAnswer() {
        return status == Status.ANSWER;
    }

    /** "red", "UNANSWERABLE: no star in the scene", ... */
    @Override
    public String toString() {
        return isAnswer() ? answer : status + ": " + reason;
    }
}
