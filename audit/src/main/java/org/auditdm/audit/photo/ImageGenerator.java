package org.auditdm.audit.photo;

import org.auditdm.api.Picture;

/**
 * Makes an image from a caption: the text-to-image regeneration of the CAPTION mode, for seeds without a scene
 * graph. auditdm ships no generator for photos; {@link CommandImageGenerator} runs one the user has.
 */
public interface ImageGenerator {
    String id();

    /**
     * An image for {@code caption}, {@code side} pixels square; deterministic for the same caption and seed.
     *
     * @throws IllegalArgumentException when the generator fails; the message says why
     */
    Picture generate(String caption, int side, long seed);
}
