package org.auditdm.world.scene;

import java.util.Locale;

/** The eight shapes of object scenes. */
public enum ShapeKind {
    CIRCLE, SQUARE, TRIANGLE, STAR, HEXAGON, DIAMOND, CROSS, PENTAGON;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String plural() {
        return word() + (this == CROSS ? "es" : "s");
    }
}
