package org.auditdm.world.scene;

import java.util.Locale;

/** Letter height of sign text, relative to the image side. Small text is a classic weakness. */
public enum TextSize {
    SMALL(0.09), MEDIUM(0.15), LARGE(0.22);

    private final double height;

    TextSize(double height) {
        this.height = height;
    }

    /** Cap height as a fraction of the image side. */
    public double height() {
        return height;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
