package org.auditdm.world.edit;

import java.util.Objects;

/**
 * One thing an edit changed, in structure and in words.
 *
 * @param kind what sort of change
 * @param objectId the object concerned, or -1 for scene-level changes (background, sign, chart, clock)
 * @param attribute "colour", "size", "position", "background", "bar C", ...; for ADDED/REMOVED "object"
 * @param before the old value in words ("" for an added object)
 * @param after the new value in words ("" for a removed object)
 * @param text the whole change as a sentence, e.g. "object 3 (star): colour red -> green"
 */
public record Change(Kind kind, int objectId, String attribute, String before, String after, String text) {
    public enum Kind { ADDED, REMOVED, MODIFIED, SCENE }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
