package org.auditdm.world.scene;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A typed scene graph: the ground truth behind every image of the world.
 *
 * <p>Four kinds, derived from content ({@link #kind()}): a bar chart (alone), an analog clock
 * (alone), a sign (alone), or an object scene of 0 to {@value Limits#MAX_OBJECTS} objects that may
 * also hold one sign. Objects are painted in list order, so later objects occlude earlier ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scene(List<SceneObject> objects, Sign sign, Chart chart, Clock clock, Backdrop backdrop) {

    public Scene {
        objects = objects == null ? List.of() : List.copyOf(objects);
        backdrop = backdrop == null ? Backdrop.PLAIN_WHITE : backdrop;
        if (objects.size() > Limits.MAX_OBJECTS) {
            throw new IllegalArgumentException("a scene holds at most " + Limits.MAX_OBJECTS
                    + " objects, got " + objects.size());
        }
        var ids = new HashSet<Integer>();
        for (SceneObject o : objects) {
            if (!ids.add(Objects.requireNonNull(o, "object").id())) {
                throw new IllegalArgumentException("object id " + o.id() + " appears twice");
            }
        }
        if (chart != null && (!objects.isEmpty() || sign != null || clock != null)) {
            throw new IllegalArgumentException("a chart scene holds only the chart");
        }
        if (clock != null && (!objects.isEmpty() || sign != null)) {
            throw new IllegalArgumentException("a clock scene holds only the clock");
        }
    }

    public static Scene ofObjects(List<SceneObject> objects, Backdrop backdrop) {
        return new Scene(objects, null, null, null, backdrop);
    }

    public static Scene ofSign(Sign sign, Backdrop backdrop) {
        return new Scene(List.of(), sign, null, null, backdrop);
    }

    public static Scene ofChart(Chart chart, Backdrop backdrop) {
        return new Scene(List.of(), null, chart, null, backdrop);
    }

    public static Scene ofClock(Clock clock, Backdrop backdrop) {
        return new Scene(List.of(), null, null, clock, backdrop);
    }

    /** The kind this scene is, derived from what it holds. */
    @JsonIgnore
    public SceneKind kind() {
        if (chart != null) {
            return SceneKind.CHART;
        }
        if (clock != null) {
            return SceneKind.CLOCK;
        }
        if (sign != null && objects.isEmpty()) {
            return SceneKind.SIGN;
        }
        return SceneKind.OBJECTS;
    }

    public Optional<SceneObject> object(int id) {
        return objects.stream().filter(o -> o.id() == id).findFirst();
    }

    /** One more than the largest object id: the id a newly added object gets. */
    @JsonIgnore
    public int nextId() {
        return objects.stream().mapToInt(SceneObject::id).max().orElse(-1) + 1;
    }

    public Scene withObjects(List<SceneObject> newObjects) {
        return new Scene(newObjects, sign, chart, clock, backdrop);
    }

    /** Replaces the object with the same id as {@code o}, keeping its place in the z-order. */
    public Scene replace(SceneObject o) {
        List<SceneObject> list = new ArrayList<>(objects);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == o.id()) {
                list.set(i, o);
                return withObjects(list);
            }
        }
        throw new IllegalArgumentException("no object with id " + o.id());
    }

    public Scene mapObjects(UnaryOperator<SceneObject> f) {
        return withObjects(objects.stream().map(f).toList());
    }

    public Scene withSign(Sign s) {
        return new Scene(objects, s, chart, clock, backdrop);
    }

    public Scene withChart(Chart c) {
        return new Scene(objects, sign, c, clock, backdrop);
    }

    public Scene withClock(Clock c) {
        return new Scene(objects, sign, chart, c, backdrop);
    }

    public Scene withBackdrop(Backdrop b) {
        return new Scene(objects, sign, chart, clock, b);
    }
}
