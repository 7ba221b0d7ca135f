package org.auditdm.world.scene;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A description of objects by any of size, colour, fill and shape; null parts match anything.
 * "the small red circle" is {@code (SMALL, RED, null, CIRCLE)}; "objects" matches everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectFilter(SizeClass size, NamedColor color, Fill fill, ShapeKind shape) {
    public static final ObjectFilter ANY = new ObjectFilter(null, null, null, null);

    public static ObjectFilter of(NamedColor color, ShapeKind shape) {
        return new ObjectFilter(null, color, null, shape);
    }

    public boolean matches(SceneObject o) {
        return (size == null || o.size() == size)
                && (color == null || o.color() == color)
                && (fill == null || o.fill() == fill)
                && (shape == null || o.shape() == shape);
    }

    public List<SceneObject> select(Scene scene) {
        return scene.objects().stream().filter(this::matches).toList();
    }

    /** True when nothing is constrained. */
    @JsonIgnore
    public boolean isAny() {
        return size == null && color == null && fill == null && shape == null;
    }

    /** Number of constrained attributes. */
    public int specificity() {
        return (size == null ? 0 : 1) + (color == null ? 0 : 1) + (fill == null ? 0 : 1) + (shape == null ? 0 : 1);
    }

    /**
     * The canonical English noun phrase without article: "small red striped circle", "red objects",
     * "object".
     */
    public String phrase(boolean plural) {
        List<String> words = new ArrayList<>(4);
        if (size != null) {
            words.add(size.word());
        }
        if (color != null) {
            words.add(color.word());
        }
        if (fill != null) {
            words.add(fill.word());
        }
        if (shape != null) {
            words.add(plural ? shape.plural() : shape.word());
        } else {
            words.add(plural ? "objects" : "object");
        }
        return String.join(" ", words);
    }

    public ObjectFilter withSize(SizeClass s) {
        return new ObjectFilter(s, color, fill, shape);
    }

    public ObjectFilter withColor(NamedColor c) {
        return new ObjectFilter(size, c, fill, shape);
    }

    public ObjectFilter withFill(Fill f) {
        return new ObjectFilter(size, color, f, shape);
    }

    public ObjectFilter withShape(ShapeKind s) {
        return new ObjectFilter(size, color, fill, s);
    }
}
