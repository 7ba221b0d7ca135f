package org.auditdm.api;

import java.util.Objects;

/**
 * One (image, question) pair an audit asks the models about, and how it was made.
 *
 * @param seedId the seed it came from
 * @param mode what the auditor wrote
 * @param auditorText the auditor's text (question, edit command or caption)
 * @param pairing which question goes with which image
 * @param question the question asked
 * @param imageSha the image asked about (seed or counterfactual), in the run's image store
 * @param seedImageSha the seed image
 */
public record Probe(String seedId, ProbeMode mode, String auditorText, Pairing pairing, String question,
                    String imageSha, String seedImageSha) {
    public Probe {
        Objects.requireNonNull(seedId, "seedId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(auditorText, "auditorText");
        Objects.requireNonNull(pairing, "pairing");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(imageSha, "imageSha");
        Objects.requireNonNull(seedImageSha, "seedImageSha");
    }
}
