package org.auditdm.world.render;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;

/**
 * Which object covers each cell of a coarse grid laid over the rendered image: the annotation a detection or
 * segmentation data set would carry (the kind real VLMs such as PaliGemma are pre-trained on), here exact
 * because the world drew the scene. A cell belongs to the topmost object whose outline contains the cell's
 * centre; objects are painted in list order, so later ones are on top. Signs, charts and clocks are not
 * objects and leave their cells empty.
 */
public final class ObjectMap {
    /** A cell no object covers. */
    public static final int EMPTY = -1;

    private ObjectMap() {
    }

    /**
     * Indices into {@code scene.objects()} per cell, row-major, {@link #EMPTY} where no object covers the cell.
     *
     * @param grid cells per side
     */
    public static int[] cells(Scene scene, int grid) {
        Objects.requireNonNull(scene, "scene");
        if (grid < 1) {
            throw new IllegalArgumentException("grid must be positive, got " + grid);
        }
        int[] out = new int[grid * grid];
        Arrays.fill(out, EMPTY);
        List<SceneObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            Shape outline = Geometry.outline(objects.get(i), grid);
            Rectangle2D box = outline.getBounds2D();
            int x0 = Math.max(0, (int) Math.floor(box.getMinX()));
            int x1 = Math.min(grid - 1, (int) Math.ceil(box.getMaxX()));
            int y0 = Math.max(0, (int) Math.floor(box.getMinY()));
            int y1 = Math.min(grid - 1, (int) Math.ceil(box.getMaxY()));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    if (outline.contains(x + 0.5, y + 0.5)) {
                        out[y * grid + x] = i;
                    }
                }
            }
        }
        return out;
    }
}
