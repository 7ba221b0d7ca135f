package org.auditdm.zoo.train;

import java.util.Objects;

/**
 * Which object each phrase of a question refers to, on a grid of cells: the annotation of a referring-expression
 * (grounding) data set. {@code owner[cell]} is the index of the object covering the cell (or -1), and
 * {@code referents[k]} the object the k-th phrase names (the subject, then the other object of a relation), or -1
 * when the question names none there. A network with pointer heads learns to attend, with pointer k, to the cells of
 * referent k.
 *
 * @param grid cells per side
 * @param owner object index per cell, row-major, -1 for none
 * @param referents object index per pointer, -1 for none
 */
public record Grounding(int grid, int[] owner, int[] referents) {
    public Grounding {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(referents, "referents");
        if (grid < 1 || owner.length != grid * grid) {
            throw new IllegalArgumentException("grounding needs grid x grid owners, got " + owner.length + " for grid " + grid);
        }
    }

    /** Whether referent {@code k} exists and covers at least one cell. */
    public boolean has(int k) {
        if (k >= referents.length || referents[k] < 0) {
            return false;
        }
        for (int o : owner) {
            if (o == referents[k]) {
                return true;
            }
        }
        return false;
    }
}
