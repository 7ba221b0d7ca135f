package org.auditdm.rectify;

import java.util.Objects;
import org.auditdm.api.Picture;

/**
 * An unlabelled (image, question) pair waiting for the reference ensemble.
 *
 * @param targetAnswer the target's answer if already known, else null (the labeler asks when it needs it)
 * @param oracleAnswer the oracle's answer for measuring label noise only, or null; never a label
 */
public record Candidate(Picture image, String question, Provenance provenance, String targetAnswer,
                        String oracleAnswer) {
    public Candidate {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(provenance, "provenance");
        if (question.isBlank()) {
            throw new IllegalArgumentException("a candidate needs a question");
        }
    }
}
