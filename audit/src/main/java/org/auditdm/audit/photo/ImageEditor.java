package org.auditdm.audit.photo;

import org.auditdm.api.Picture;

/**
 * Makes a counterfactual image from a picture and an edit command, for seeds that have no scene graph
 * (photos). Implementations must be deterministic: the same picture and command give the same pixels.
 */
public interface ImageEditor {
    /** A stable id naming the editor and its settings. */
    String id();

    /**
     * The edited picture.
     *
     * @throws IllegalArgumentException (often a {@link org.auditdm.world.text.ParseException}) when the command
     *     is not understood or cannot apply; the message says why
     */
    Picture apply(Picture picture, String command);
}
