package org.auditdm.audit.policy;

import java.util.Objects;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;

/** What the auditor policy reads: the seed image, the seed question and the mode to write in. */
public record PolicyInput(Picture image, String seedQuestion, ProbeMode mode) {
    public PolicyInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(seedQuestion, "seedQuestion");
        Objects.requireNonNull(mode, "mode");
    }
}
