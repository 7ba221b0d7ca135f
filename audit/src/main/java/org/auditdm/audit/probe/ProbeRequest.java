package org.auditdm.audit.probe;

import java.util.Objects;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.world.sample.Seed;

/**
 * One auditor text (or a question plus an image text) to be turned into a probe for a seed.
 *
 * <p>With {@code imageText == null} the pairing follows the text's mode: a question is asked about
 * the seed image, an edit or caption makes a new image that is asked the seed's question. With an
 * {@code imageText} (an edit or a caption), {@code text} must be a question, asked about the new
 * image: the paper's (new question, new image) pairing.
 *
 * @param imageText the edit or caption that makes the new image, or null
 */
public record ProbeRequest(Seed seed, ProbeText text, ProbeText imageText) {
    public ProbeRequest {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(text, "text");
        if (imageText != null) {
            if (text.mode() != ProbeMode.QUESTION) {
                throw new IllegalArgumentException(
                        "a (new question, new image) request needs a question text, got " + text.mode().word());
            }
            if (imageText.mode() == ProbeMode.QUESTION) {
                throw new IllegalArgumentException(
                        "a (new question, new image) request needs an edit or caption as image text, got a question");
            }
        }
    }

    /** A single auditor text for a seed. */
    public static ProbeRequest of(Seed seed, ProbeText text) {
        return new ProbeRequest(seed, text, null);
    }

    /** A new question asked about the image made by an edit or caption. */
    public static ProbeRequest paired(Seed seed, ProbeText question, ProbeText imageText) {
        return new ProbeRequest(seed, question, Objects.requireNonNull(imageText, "imageText"));
    }
}
