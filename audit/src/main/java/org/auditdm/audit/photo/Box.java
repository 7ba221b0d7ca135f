package org.auditdm.audit.photo;

import org.auditdm.world.scene.Region;

/**
 * A rectangle of an image in fractions of its width and height (x right, y down), clipped to the image.
 *
 * @param x left edge in [0, 1)
 * @param y top edge in [0, 1)
 * @param w width in (0, 1 - x]
 * @param h height in (0, 1 - y]
 */
public record Box(double x, double y, double w, double h) {
    public Box {
        if (!(x >= 0 && x < 1 && y >= 0 && y < 1)) {
            throw new IllegalArgumentException("box corner must lie inside the image, got x " + x + ", y " + y);
        }
        if (!(w > 0 && h > 0 && x + w <= 1 + 1e-9 && y + h <= 1 + 1e-9)) {
            throw new IllegalArgumentException("box must have a positive size inside the image, got x " + x + ", y "
                    + y + ", w " + w + ", h " + h);
        }
    }

    /** The grid cell of a region: a third of the width and of the height. */
    public static Box cell(Region r) {
        return new Box(r.col() / 3.0, r.row() / 3.0, 1 / 3.0, 1 / 3.0);
    }

    /** A window of two thirds of each side anchored at a region (the centre window for {@code CENTER}). */
    public static Box window(Region r) {
        return new Box(r.col() / 6.0, r.row() / 6.0, 2 / 3.0, 2 / 3.0);
    }

    /** From percentages, as written in commands. */
    public static Box percent(int x, int y, int w, int h) {
        return new Box(x / 100.0, y / 100.0, w / 100.0, h / 100.0);
    }

    /** Pixel bounds {@code [x0, y0, x1, y1)} on an image, at least one pixel wide and tall. */
    int[] pixels(int width, int height) {
        int x0 = (int) Math.floor(x * width);
        int y0 = (int) Math.floor(y * height);
        int x1 = Math.max(x0 + 1, Math.min(width, (int) Math.round((x + w) * width)));
        int y1 = Math.max(y0 + 1, Math.min(height, (int) Math.round((y + h) * height)));
        return new int[] {x0, y0, x1, y1};
    }
}
