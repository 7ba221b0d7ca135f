package org.auditdm.rectify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.auditdm.api.Picture;
import org.auditdm.zoo.train.LabeledExample;

/**
 * One training example for rectification.
 *
 * @param id unique within a data set, e.g. {@code bootstrap-000123}
 * @param image the picture (not serialised; {@code imageSha} names it)
 * @param imageSha the picture's SHA-256
 * @param question the question asked
 * @param label the training label: the reference ensemble's agreed answer (or, for the data-scaling
 *     control only, the true answer of the training distribution)
 * @param provenance where the example came from
 * @param targetAnswer the target's answer when it was asked, else null
 * @param memberAnswers the reference members' answers, in member order (empty for true-labelled data)
 * @param oracleAnswer the world oracle's answer, for measuring pseudo-label noise (and the study's
 *     diagnostic row, {@link OracleLabels}) only; null when the oracle gives none. No builder of
 *     rectification data reads it to make a label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationExample(String id, @JsonIgnore Picture image, String imageSha, String question,
                                   String label, Provenance provenance, String targetAnswer,
                                   List<String> memberAnswers, String oracleAnswer) {
    public RectificationExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(provenance, "provenance");
        memberAnswers = memberAnswers == null ? List.of() : List.copyOf(memberAnswers);
        if (image != null) {
            if (imageSha != null && !imageSha.equals(image.sha256())) {
                throw new IllegalArgumentException("example " + id + ": image hash does not match the image");
            }
            imageSha = image.sha256();
        }
        Objects.requireNonNull(imageSha, "imageSha");
        if (question.isBlank() || label.isBlank()) {
            throw new IllegalArgumentException("example " + id + ": question and label must not be blank");
        }
    }

    /** The question's family by its wording ({@link QuestionFamilies}); written to JSON for readers, not read back. */
    @JsonProperty(value = "family", access = JsonProperty.Access.READ_ONLY)
    public String family() {
        return QuestionFamilies.of(question);
    }

    /** The same example with another id. */
    public RectificationExample withId(String newId) {
        return new RectificationExample(newId, image, imageSha, question, label, provenance, targetAnswer,
                memberAnswers, oracleAnswer);
    }

    /** The zoo's training example: image, question and label (never the oracle's answer). */
    public LabeledExample toLabeled() {
        if (image == null) {
            throw new IllegalStateException("example " + id + " has no picture loaded");
        }
        return new LabeledExample(image, question, label);
    }
}
