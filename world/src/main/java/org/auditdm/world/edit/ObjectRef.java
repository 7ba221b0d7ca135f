package org.auditdm.world.edit;

import java.util.Objects;
import org.auditdm.world.scene.ObjectFilter;

/**
 * The objects an edit is about: "the red circle" (exactly one must match) or "all circles" / "the
 * blue objects" (every match).
 *
 * @param all true for a plural reference
 */
public record ObjectRef(ObjectFilter filter, boolean all) {
    public ObjectRef {
        Objects.requireNonNull(filter, "filter");
    }

    public static ObjectRef the(ObjectFilter f) {
        return new ObjectRef(f, false);
    }

    public static ObjectRef all(ObjectFilter f) {
        return new ObjectRef(f, true);
    }

    /** "the red circle", "all circles", "all objects". */
    public String words() {
        return all ? "all " + filter.phrase(true) : "the " + filter.phrase(false);
    }
}
