package org.auditdm.failures;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.auditdm.api.Finding;
import org.auditdm.api.Probe;

/**
 * A probe with its answers and facets: a finding of the run, or a fresh probe drawn during
 * re-validation.
 *
 * @param id finding id, or a fresh probe's id
 * @param consensus the agreed answer, null when the ensemble did not agree
 * @param oracleAnswer for evaluation only, null when unknown or unanswerable
 */
public record Observation(String id, Probe probe, String targetAnswer, java.util.List<String> referenceAnswers,
                          String consensus, String oracleAnswer, Set<Facet> facets) {
    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(probe, "probe");
        referenceAnswers = java.util.List.copyOf(referenceAnswers);
        facets = java.util.Collections.unmodifiableSet(new TreeSet<>(facets));
    }

    public static Observation of(Finding f) {
        String consensus = f.consensus().agreed() ? f.consensus().answer() : null;
        return new Observation(f.id(), f.probe(), f.targetAnswer(), f.consensus().memberAnswers(), consensus,
                f.oracleAnswer(), Facets.of(f.probe(), f.targetAnswer(), consensus, consensus != null));
    }

    /** The text clustering embeds: the question, and the edit or caption that made the image. */
    public String text() {
        String t = probe.auditorText();
        if (t.equals(probe.question())) {
            return t;
        }
        return t.contains(" | ") ? t : probe.question() + " | " + t;
    }

    /** The edit or caption behind the probe's image, or null when the image is the seed's. */
    public String imageText() {
        return switch (probe.pairing()) {
            case NEW_QUESTION_ORIGINAL_IMAGE -> null;
            case ORIGINAL_QUESTION_NEW_IMAGE -> probe.auditorText();
            case NEW_QUESTION_NEW_IMAGE -> {
                int bar = probe.auditorText().indexOf(" | ");
                yield bar >= 0 ? probe.auditorText().substring(bar + 3) : probe.auditorText();
            }
        };
    }

    /** A key that orders observations by content, not by discovery order. */
    public String contentKey() {
        return probe.question() + "\u0000" + probe.auditorText() + "\u0000" + probe.imageSha() + "\u0000"
                + targetAnswer + "\u0000" + String.join("\u0001", referenceAnswers) + "\u0000" + id;
    }
}
