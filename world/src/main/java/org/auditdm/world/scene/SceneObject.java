package org.auditdm.world.scene;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One object of an object scene. Position (x, y) is the centre in normalised image coordinates
 * (x to the right, y downwards, both in [0, 1]). Objects later in a scene's list are painted on top
 * (z-order). {@code label} is an optional short text painted on the object.
 *
 * @param id stable identity within a scene, kept across edits
 * @param rotation degrees clockwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneObject(
        int id, ShapeKind shape, NamedColor color, SizeClass size, Fill fill,
        double rotation, double x, double y, String label) {

    public SceneObject {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(fill, "fill");
        if (id < 0) {
            throw new IllegalArgumentException("object id must be non-negative, got " + id);
        }
        if (!Double.isFinite(rotation)) {
            throw new IllegalArgumentException("rotation must be finite");
        }
        rotation = ((rotation % 360) + 360) % 360;
        Limits.checkUnit("x", x);
        Limits.checkUnit("y", y);
        if (label != null) {
            Limits.checkText("label", label, Limits.MAX_LABEL);
        }
    }

    /** The 3x3 grid cell of the centre. */
    public Region region() {
        return Region.of(x, y);
    }

    public SceneObject withColor(NamedColor c) {
        return new SceneObject(id, shape, c, size, fill, rotation, x, y, label);
    }

    public SceneObject withShape(ShapeKind s) {
        return new SceneObject(id, s, color, size, fill, rotation, x, y, label);
    }

    public SceneObject withSize(SizeClass s) {
        return new SceneObject(id, shape, color, s, fill, rotation, x, y, label);
    }

    public SceneObject withFill(Fill f) {
        return new SceneObject(id, shape, color, size, f, rotation, x, y, label);
    }

    public SceneObject withRotation(double r) {
        return new SceneObject(id, shape, color, size, fill, r, x, y, label);
    }

    public SceneObject withPosition(double nx, double ny) {
        return new SceneObject(id, shape, color, size, fill, rotation, nx, ny, label);
    }

    public SceneObject withLabel(String l) {
        return new SceneObject(id, shape, color, size, fill, rotation, x, y, l);
    }

    public SceneObject withId(int newId) {
        return new SceneObject(newId, shape, color, size, fill, rotation, x, y, label);
    }
}
