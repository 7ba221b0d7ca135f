package org.auditdm.audit.policy;

import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;

/** Makes the new image of an edit or caption for a paired GRPO group (the world's editor or text-to-scene). */
@FunctionalInterface
public interface ImageMaker {
    /** Makes no image: paired groups then earn nothing. */
    ImageMaker NONE = (seed, mode, text) -> null;

    /** The image {@code text} (an edit or caption) makes from the seed, or null when it makes none. */
    Picture make(SeedInput seed, ProbeMode mode, String text);
}
