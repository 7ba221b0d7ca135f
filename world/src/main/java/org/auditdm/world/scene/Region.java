package org.auditdm.world.scene;

import java.util.Locale;

/** The nine cells of a 3x3 grid over the image: the vocabulary of absolute position. */
public enum Region {
    TOP_LEFT(0, 0), TOP(1, 0), TOP_RIGHT(2, 0),
    LEFT(0, 1), CENTER(1, 1), RIGHT(2, 1),
    BOTTOM_LEFT(0, 2), BOTTOM(1, 2), BOTTOM_RIGHT(2, 2);

    private final int col;
    private final int row;

    Region(int col, int row) {
        this.col = col;
        this.row = row;
    }

    public int col() {
        return col;
    }

    public int row() {
        return row;
    }

    /** "top left", "center", ... */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Centre of the cell in normalised coordinates. */
    public double centerX() {
        return (col + 0.5) / 3.0;
    }

    public double centerY() {
        return (row + 0.5) / 3.0;
    }

    /** The cell containing a normalised point (x right, y down, both in [0, 1]). */
    public static Region of(double x, double y) {
        int c = Math.min(2, Math.max(0, (int) Math.floor(x * 3)));
        int r = Math.min(2, Math.max(0, (int) Math.floor(y * 3)));
        for (Region g : values()) {
            if (g.col == c && g.row == r) {
                return g;
            }
        }
        throw new AssertionError();
    }
}
