package org.auditdm.audit.photo;

import java.util.Objects;
import org.auditdm.api.Picture;

/**
 * A photo used as an audit seed. There is no scene graph and no oracle: findings on photos rest on the
 * reference ensemble's consensus alone.
 *
 * @param id {@code photo:} and the file name
 * @param image the photo fitted to the models' input size ({@link Letterbox})
 * @param question the seed question (from the sidecar {@code NAME.txt}, else the folder's default)
 * @param file the file name in the folder
 */
public record PhotoSeed(String id, Picture image, String question, String file) {
    /** Prefix of every photo seed id. */
    public static final String PREFIX = "photo:";

    public PhotoSeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(file, "file");
        if (!id.startsWith(PREFIX)) {
            throw new IllegalArgumentException("photo seed ids start with '" + PREFIX + "', got '" + id + "'");
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("photo seed " + id + " needs a question");
        }
    }
}
