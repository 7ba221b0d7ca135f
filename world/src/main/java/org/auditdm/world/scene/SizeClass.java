package org.auditdm.world.scene;

import java.util.Locale;

/**
 * Object sizes, as a radius relative to the image side. At the default 64-pixel image a small
 * object spans about 6 pixels: visible, but hard.
 */
public enum SizeClass {
    SMALL(0.05), MEDIUM(0.085), LARGE(0.13);

    private final double radius;

    SizeClass(double radius) {
        this.radius = radius;
    }

    /** Radius of the bounding circle as a fraction of the image side. */
    public double radius() {
        return radius;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
