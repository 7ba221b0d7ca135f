package org.auditdm.audit.probe;

import java.util.Objects;
import org.auditdm.api.Picture;
import org.auditdm.api.Probe;
import org.auditdm.world.question.OracleAnswer;

/**
 * A probe ready to be asked, with its image and the oracle's answer to its question on its scene.
 *
 * @param oracle the world oracle's answer (may be UNANSWERABLE or AMBIGUOUS): for measurement only,
 *     never for rewards or findings
 */
public record BuiltProbe(Probe probe, Picture image, OracleAnswer oracle) {
    public BuiltProbe {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(oracle, "oracle");
        if (!image.sha256().equals(probe.imageSha())) {
            throw new IllegalArgumentException("probe image hash does not match the image");
        }
    }
}
