package org.auditdm.audit.probe;

import java.util.Objects;

/** What became of an auditor text: a probe, or the reason the text is invalid. */
public sealed interface BuildResult {
    /** The text made a probe. */
    record Valid(BuiltProbe built) implements BuildResult {
        public Valid {
            Objects.requireNonNull(built, "built");
        }
    }

    /**
     * The text does not parse, the edit does not apply to the seed scene, or the caption fails:
     * reward 0, counted in the valid-text rate, never a finding.
     */
    record Invalid(String reason) implements BuildResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
