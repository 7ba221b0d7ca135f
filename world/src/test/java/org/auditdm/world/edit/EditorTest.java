package org.auditdm.world.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.junit.jupiter.api.Test;

class EditorTest {
    private static final SceneSampler SAMPLER = new SceneSampler(WorldPrior.UNIFORM);

    private static Scene objects(long seed) {
        return SAMPLER.objectScene(1 + new SplittableRandom(seed).nextInt(10), new SplittableRandom(seed));
    }

    private static ObjectFilter full(SceneObject o) {
        return new ObjectFilter(o.size(), o.color(), o.fill(), o.shape());
    }

    /** An object of the scene that its full description names uniquely, if any. */
    private static SceneObject uniquelyNamed(Scene s, int pick) {
        List<SceneObject> unique = s.objects().stream().filter(o -> full(o).select(s).size() == 1).toList();
        Assume.that(!unique.isEmpty());
        return unique.get(Math.floorMod(pick, unique.size()));
    }

    private static void othersUnchanged(Scene before, Scene after, Set<Integer> touched) {
        for (SceneObject o : before.objects()) {
            if (!touched.contains(o.id())) {
                assertThat(after.object(o.id())).contains(o);
            }
        }
    }

    @Property(tries = 200)
    void recolourChangesOnlyThatColourAndRecolouringBackRestores(@ForAll long seed, @ForAll int pick,
                                                                 @ForAll NamedColor color) {
        Scene s = objects(seed);
        SceneObject o = uniquelyNamed(s, pick);
        Assume.that(color != o.color());
        EditResult r = Editor.apply(s, new Edit.Recolor(ObjectRef.the(full(o)), color), new SplittableRandom(seed));
        assertThat(r.scene().object(o.id())).contains(o.withColor(color));
        othersUnchanged(s, r.scene(), Set.of(o.id()));
        assertThat(r.scene().backdrop()).isEqualTo(s.backdrop());
        assertThat(r.changes()).singleElement().satisfies(c -> {
            assertThat(c.objectId()).isEqualTo(o.id());
            assertThat(c.text()).isEqualTo("object " + o.id() + " (" + o.shape().word() + "): colour "
                    + o.color().word() + " -> " + color.word());
        });
        assertThat(full(o).withColor(color).select(r.scene())).extracting(SceneObject::id).contains(o.id());
        Assume.that(full(o).withColor(color).select(r.scene()).size() == 1);
        EditResult back = Editor.apply(r.scene(), new Edit.Recolor(ObjectRef.the(full(o).withColor(color)), o.color()),
                new SplittableRandom(1));
        assertThat(back.scene()).isEqualTo(s);
    }

    @Property(tries = 200)
    void addingARedCircleRaisesTheRedCircleCountByOne(@ForAll long seed) {
        Scene s = objects(seed);
        Assume.that(s.objects().size() < 12);
        ObjectFilter redCircle = ObjectFilter.of(NamedColor.RED, ShapeKind.CIRCLE);
        EditResult r;
        try {
            r = Editor.apply(s, "add a red circle", new SplittableRandom(seed));
        } catch (EditException e) {
            assertThat(e).hasMessageStartingWith("no room for a red circle");
            return;
        }
        assertThat(redCircle.select(r.scene())).hasSize(redCircle.select(s).size() + 1);
        othersUnchanged(s, r.scene(), Set.of());
        assertThat(r.scene().objects()).hasSize(s.objects().size() + 1);
        SceneObject added = r.scene().objects().get(s.objects().size());
        assertThat(added.id()).isEqualTo(s.nextId());
        assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(Change.Kind.ADDED));
    }

    @Property(tries = 200)
    void removingAllCirclesLeavesNoneAndKeepsTheRest(@ForAll long seed) {
        Scene s = objects(seed);
        ObjectFilter circle = ObjectFilter.of(null, ShapeKind.CIRCLE);
        EditResult r = Editor.apply(s, "remove all circles", new SplittableRandom(seed));
        assertThat(circle.select(r.scene())).isEmpty();
        assertThat(r.scene().objects()).containsExactlyElementsOf(
                s.objects().stream().filter(o -> o.shape() != ShapeKind.CIRCLE).toList());
        assertThat(r.changes()).hasSize(circle.select(s).size());
    }

    @Property(tries = 200)
    void moveToRegionPutsTheObjectThere(@ForAll long seed, @ForAll int pick, @ForAll Region region) {
        Scene s = objects(seed);
        SceneObject o = uniquelyNamed(s, pick);
        EditResult r;
        try {
            r = Editor.apply(s, new Edit.MoveTo(ObjectRef.the(full(o)), region), new SplittableRandom(seed));
        } catch (EditException e) {
            assertThat(e).hasMessageStartingWith("no room to move");
            return;
        }
        SceneObject moved = r.scene().object(o.id()).orElseThrow();
        assertThat(moved.region()).isEqualTo(region);
        assertThat(moved.withPosition(o.x(), o.y())).isEqualTo(o);
        othersUnchanged(s, r.scene(), Set.of(o.id()));
        assertThat(r.changed()).isEqualTo(o.region() != region);
    }

    @Provide
    Arbitrary<net.jqwik.api.Tuple.Tuple2<Long, Edit>> scenesAndEdits() {
        return net.jqwik.api.Arbitraries.longs().flatMap(seed ->
                new EditTextTest().edits().map(e -> net.jqwik.api.Tuple.of(seed, e)));
    }

    /** Frame law: an edit touches only what it names; the change list is exactly the difference. */
    @Property(tries = 400)
    void editsChangeOnlyWhatTheySay(@ForAll long seed, @ForAll("edits") Edit edit) {
        SceneKind kind = SceneKind.values()[Math.floorMod(seed, 8) < 5 ? 0 : (int) Math.floorMod(seed, 3) + 1];
        Scene s = SAMPLER.sample(kind, new SplittableRandom(seed));
        EditResult r;
        try {
            r = Editor.apply(s, edit, new SplittableRandom(seed));
        } catch (EditException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        Scene a = r.scene();
        Set<Integer> touched = touched(s, edit);
        othersUnchanged(s, a, touched);
        if (!(edit instanceof Edit.Add)) {
            assertThat(a.objects().stream().map(SceneObject::id).collect(Collectors.toSet()))
                    .isSubsetOf(s.objects().stream().map(SceneObject::id).collect(Collectors.toSet()));
        }
        boolean backdropEdit = edit instanceof Edit.SetBackground || edit instanceof Edit.Perturb
                || edit instanceof Edit.Clutter;
        if (!backdropEdit) {
            assertThat(a.backdrop()).isEqualTo(s.backdrop());
        }
        if (!(edit instanceof Edit.SetSignText)) {
            assertThat(a.sign()).isEqualTo(s.sign());
        }
        if (!(edit instanceof Edit.SetBar)) {
            assertThat(a.chart()).isEqualTo(s.chart());
        }
        if (!(edit instanceof Edit.SetClock)) {
            assertThat(a.clock()).isEqualTo(s.clock());
        }
        assertThat(r.changes()).isEqualTo(SceneDiff.between(s, a));
        assertThat(r.changed()).isEqualTo(!a.equals(s) && !SceneDiff.between(s, a).isEmpty());
    }

    @Provide
    Arbitrary<Edit> edits() {
        return new EditTextTest().edits();
    }

    private static Set<Integer> touched(Scene s, Edit edit) {
        ObjectRef ref = null;
        if (edit instanceof Edit.Recolor e) {
            ref = e.target();
        } else if (edit instanceof Edit.Remove e) {
            ref = e.target();
        } else if (edit instanceof Edit.MoveTo e) {
            ref = e.target();
        } else if (edit instanceof Edit.MoveBeside e) {
            ref = e.target();
        } else if (edit instanceof Edit.Resize e) {
            ref = e.target();
        } else if (edit instanceof Edit.Scale e) {
            ref = e.target();
        } else if (edit instanceof Edit.Reshape e) {
            ref = e.target();
        } else if (edit instanceof Edit.Refill e) {
            ref = e.target();
        } else if (edit instanceof Edit.Rotate e) {
            ref = e.target();
        } else if (edit instanceof Edit.Label e) {
            ref = e.target();
        } else if (edit instanceof Edit.Unlabel e) {
            ref = e.target();
        } else if (edit instanceof Edit.Swap e) {
            return Set.of(e.first().filter().select(s).get(0).id(), e.second().filter().select(s).get(0).id());
        }
        if (ref == null) {
            return Set.of();
        }
        return ref.filter().select(s).stream().map(SceneObject::id).collect(Collectors.toSet());
    }

    @Property(tries = 100)
    void sameSeedSameEdit(@ForAll long seed) {
        Scene s = objects(seed);
        Assume.that(s.objects().size() <= 10);
        assertThat(Editor.apply(s, "add two yellow hexagons", new SplittableRandom(seed)))
                .isEqualTo(Editor.apply(s, "add two yellow hexagons", new SplittableRandom(seed)));
    }

    // ------------------------------------------------------------ examples and errors

    private static final Scene SCENE = CaptionParser.parse("a large red solid star at the top left, two small blue "
            + "solid circles on the right, a medium green striped square at the bottom and a medium yellow outlined "
            + "triangle in the center", 11);

    private static Scene sceneAfter(String command) {
        return Editor.apply(SCENE, command, new SplittableRandom(3)).scene();
    }

    private static String error(Scene s, String command) {
        try {
            Editor.apply(s, command, new SplittableRandom(3));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + command);
    }

    @Test
    void reportsChangesInWords() {
        EditResult r = Editor.apply(SCENE, "make the star green", new SplittableRandom(1));
        assertThat(r.lines()).containsExactly("object 0 (star): colour red -> green");
        EditResult add = Editor.apply(SCENE, "add a small yellow striped hexagon at the top right", new SplittableRandom(1));
        assertThat(add.lines()).containsExactly("added object 5: small yellow striped hexagon at top right");
        assertThat(Editor.apply(SCENE, "make the red star red", new SplittableRandom(1)).lines())
                .containsExactly("no change");
    }

    @Test
    void examplesDoWhatTheySay() {
        assertThat(ObjectFilter.of(null, ShapeKind.SQUARE).select(sceneAfter("turn the square into a circle"))).isEmpty();
        assertThat(sceneAfter("make the triangle large").object(4).orElseThrow().size().word()).isEqualTo("large");
        assertThat(sceneAfter("make the triangle bigger").object(4).orElseThrow().size().word()).isEqualTo("large");
        assertThat(sceneAfter("make the star smaller").object(0).orElseThrow().size().word()).isEqualTo("medium");
        assertThat(sceneAfter("rotate the triangle by 45 degrees").object(4).orElseThrow().rotation())
                .isEqualTo((SCENE.object(4).orElseThrow().rotation() + 45) % 360);
        assertThat(sceneAfter("write A on the star").object(0).orElseThrow().label()).isEqualTo("A");
        assertThat(sceneAfter("make the square solid").object(3).orElseThrow().fill().word()).isEqualTo("solid");
        Scene swapped = sceneAfter("swap the star and the square");
        assertThat(swapped.object(0).orElseThrow().region()).isEqualTo(Region.BOTTOM);
        assertThat(swapped.object(3).orElseThrow().region()).isEqualTo(Region.TOP_LEFT);
        Scene left = sceneAfter("move the square left of the triangle");
        assertThat(left.object(3).orElseThrow().x()).isLessThan(left.object(4).orElseThrow().x());
        Scene above = sceneAfter("move the star above the square");
        assertThat(above.object(0).orElseThrow().y()).isLessThan(above.object(3).orElseThrow().y());
        assertThat(sceneAfter("make the background gray").backdrop().background()).isEqualTo(NamedColor.GRAY);
        assertThat(sceneAfter("blur the image").backdrop().photometric().blur()).isPositive();
        assertThat(sceneAfter("add clutter").backdrop().clutter()).isPositive();
        assertThat(sceneAfter("remove the blue objects").objects()).hasSize(3);
    }

    @Test
    void chartClockAndSignEdits() {
        Scene chart = CaptionParser.parse("a bar chart with A = 3, B = 7 and C = 2", 1);
        EditResult r = Editor.apply(chart, "set bar C to 7", new SplittableRandom(1));
        assertThat(r.scene().chart().bar("C").orElseThrow().value()).isEqualTo(7);
        assertThat(r.lines()).containsExactly("bar C: 2 -> 7");
        assertThat(error(chart, "set bar D to 1")).contains("the chart has no bar D (its bars are A, B, C)");
        Scene clock = CaptionParser.parse("a clock showing 3:45", 1);
        assertThat(Editor.apply(clock, "set the clock to 10:05", new SplittableRandom(1)).scene().clock().time())
                .isEqualTo("10:05");
        Scene sign = CaptionParser.parse("a sign reading STOP", 1);
        assertThat(Editor.apply(sign, "change the sign to GO", new SplittableRandom(1)).lines())
                .containsExactly("sign text: STOP -> GO");
    }

    @Test
    void errorMessages() {
        assertThat(error(SCENE, "make the hexagon green")).isEqualTo("there is no hexagon to recolour");
        assertThat(error(SCENE, "remove the circle")).isEqualTo("'the circle' is ambiguous: 2 circles match");
        assertThat(error(SCENE, "make the strar green")).contains("unknown word 'strar'").contains("column 10");
        assertThat(error(SCENE, "add eight circles")).contains("cannot add 8 objects: the scene has 5 and holds at most 12");
        assertThat(error(SCENE, "set bar C to 7")).contains("there is no bar chart").contains("object scene");
        assertThat(error(SCENE, "set the clock to 3:45")).contains("there is no clock");
        assertThat(error(SCENE, "change the sign to GO")).contains("there is no sign");
        Scene chart = CaptionParser.parse("a bar chart with A = 3, B = 7", 1);
        assertThat(error(chart, "add a red circle")).contains("cannot add objects to a chart scene");
        assertThat(error(chart, "make the star green")).contains("there is no star to recolour: this is a chart scene");
        assertThat(error(SCENE, "swap the star and the red star")).contains("same object");
        assertThat(error(SCENE, "move the star left of the star")).contains("itself");
        Scene crowded = CaptionParser.parse("a large circle at the top left", 1);
        int added = 0;
        try {
            while (added < 11) {
                crowded = Editor.apply(crowded, "add a large star at the top left", new SplittableRandom(added)).scene();
                added++;
            }
        } catch (EditException e) {
            assertThat(e).hasMessage("no room for a large star at the top left");
        }
        assertThat(added).isBetween(1, 6);
    }
}
