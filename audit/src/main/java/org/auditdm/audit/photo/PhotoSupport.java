package org.auditdm.audit.photo;

import java.util.Map;
import java.util.Objects;

/**
 * What the probe builder needs to audit photo seeds: the photos by seed id, the editor for EDIT texts and,
 * optionally, a generator for CAPTION texts (without one, captions on photos are invalid texts with a message
 * saying CAPTION mode is unsupported on photos).
 *
 * @param generator null when no image generator is configured
 */
public record PhotoSupport(Map<String, PhotoSeed> seeds, ImageEditor editor, ImageGenerator generator) {
    /** Why a caption on a photo makes no probe without a generator. */
    public static final String NO_GENERATOR = "CAPTION mode is unsupported on photo seeds: regenerating a photo "
            + "from a caption needs an image generator, and none is configured";

    public PhotoSupport {
        seeds = Map.copyOf(seeds);
        Objects.requireNonNull(editor, "editor");
    }

    /** No photos. */
    public static PhotoSupport none() {
        return new PhotoSupport(Map.of(), new PhotoEditor(), null);
    }

    /** The photos of a loaded folder, the built-in {@link PhotoEditor}, and an optional generator. */
    public static PhotoSupport of(PhotoFolder.Loaded folder, ImageGenerator generator) {
        return new PhotoSupport(folder.byId(), new PhotoEditor(), generator);
    }
}
