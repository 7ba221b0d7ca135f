package org.auditdm.api;

import java.util.Locale;

/** The three kinds of text an auditor writes, as in the paper. */
public enum ProbeMode {
    /** A probing question about the seed image or a counterfactual one. */
    QUESTION,
    /** An instruction that edits the seed image into a counterfactual image. */
    EDIT,
    /** A caption that a text-to-image generator renders into a new image. */
    CAPTION;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
