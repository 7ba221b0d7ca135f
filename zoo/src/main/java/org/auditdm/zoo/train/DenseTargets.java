package org.auditdm.zoo.train;

import java.util.Objects;

/**
 * Per-cell classes for a network's dense heads: {@code classes[h * grid * grid + cell]} is head {@code h}'s class
 * of the cell (row-major), for example the shape of the object covering it, with 0 for "no object".
 *
 * @param grid cells per side
 * @param heads number of heads
 * @param classes head-major classes, {@code heads * grid * grid} of them
 */
public record DenseTargets(int grid, int heads, byte[] classes) {
    public DenseTargets {
        Objects.requireNonNull(classes, "classes");
        if (grid < 1 || heads < 1 || classes.length != heads * grid * grid) {
            throw new IllegalArgumentException("dense targets need heads x grid x grid classes, got " + classes.length
                    + " for " + heads + " heads on a grid of " + grid);
        }
    }
}
