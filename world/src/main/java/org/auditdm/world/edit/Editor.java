package org.auditdm.world.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.auditdm.world.caption.ObjectPlacer;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;

/**
 * Applies edits to scenes. Singular references must match exactly one object, plural ones apply
 * to every match (none: no change). Object ids are kept; added objects get {@link Scene#nextId()}.
 * Randomness (where new or moved objects go, new noise seeds) comes only from the given stream.
 */
public final class Editor {
    private static final ObjectPlacer PLACER = ObjectPlacer.uniform();
    /** Gap between an object and its anchor in relative moves, as a fraction of the image side. */
    private static final double GAP = 0.03;

    private Editor() {
    }

    /** Parses and applies a command. */
    public static EditResult apply(Scene scene, String command, SplittableRandom rng) {
        return apply(scene, EditParser.parse(command), rng);
    }

    /**
     * Applies one edit.
     *
     * @throws EditException when the edit does not fit the scene (missing or ambiguous object, no
     *     room, wrong scene kind)
     */
    public static EditResult apply(Scene scene, Edit edit, SplittableRandom rng) {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(rng, "rng");
        Scene after = edited(scene, edit, rng);
        return new EditResult(after, SceneDiff.between(scene, after));
    }

    private static Scene edited(Scene s, Edit edit, SplittableRandom rng) {
        if (edit instanceof Edit.Recolor e) {
            return map(s, e.target(), "recolour", o -> o.withColor(e.color()));
        }
        if (edit instanceof Edit.Remove e) {
            List<Integer> ids = select(s, e.target(), "remove").stream().map(SceneObject::id).toList();
            return s.withObjects(s.objects().stream().filter(o -> !ids.contains(o.id())).toList());
        }
        if (edit instanceof Edit.Add e) {
            return add(s, e, rng);
        }
        if (edit instanceof Edit.MoveTo e) {
            SceneObject o = one(s, e.target(), "move");
            if (o.region() == e.region()) {
                return s;
            }
            double[] p = PLACER.position(s, o.size(), e.region(), o.id(), rng)
                    .orElseThrow(() -> new EditException("no room to move " + e.target().words() + " to the "
                            + e.region().words()));
            return s.replace(o.withPosition(p[0], p[1]));
        }
        if (edit instanceof Edit.MoveBeside e) {
            return moveBeside(s, e);
        }
        if (edit instanceof Edit.Resize e) {
            return map(s, e.target(), "resize", o -> resized(o, e.size()));
        }
        if (edit instanceof Edit.Scale e) {
            return map(s, e.target(), "resize", o -> {
                int k = o.size().ordinal() + (e.bigger() ? 1 : -1);
                return k < 0 || k >= SizeClass.values().length ? o : resized(o, SizeClass.values()[k]);
            });
        }
        if (edit instanceof Edit.Reshape e) {
            return map(s, e.target(), "reshape", o -> o.withShape(e.shape()));
        }
        if (edit instanceof Edit.Refill e) {
            return map(s, e.target(), "restyle", o -> o.withFill(e.fill()));
        }
        if (edit instanceof Edit.Rotate e) {
            return map(s, e.target(), "rotate", o -> o.withRotation(o.rotation() + e.degrees()));
        }
        if (edit instanceof Edit.Swap e) {
            SceneObject a = one(s, e.first(), "swap");
            SceneObject b = one(s, e.second(), "swap");
            if (a.id() == b.id()) {
                throw new EditException("'" + e.first().words() + "' and '" + e.second().words()
                        + "' are the same object; nothing to swap");
            }
            return s.replace(inside(a.withPosition(b.x(), b.y()))).replace(inside(b.withPosition(a.x(), a.y())));
        }
        if (edit instanceof Edit.Label e) {
            return map(s, e.target(), "label", o -> o.withLabel(e.text()));
        }
        if (edit instanceof Edit.Unlabel e) {
            return map(s, e.target(), "unlabel", o -> o.withLabel(null));
        }
        if (edit instanceof Edit.SetSignText e) {
            return setSign(s, e.text());
        }
        if (edit instanceof Edit.SetBar e) {
            Chart c = s.chart();
            if (c == null) {
                throw new EditException("there is no bar chart to set bar " + e.label() + " on: this is "
                        + kindPhrase(s));
            }
            if (c.bar(e.label()).isEmpty()) {
                throw new EditException("the chart has no bar " + e.label() + " (its bars are "
                        + c.bars().stream().map(Bar::label).collect(Collectors.joining(", ")) + ")");
            }
            List<Bar> bars = c.bars().stream()
                    .map(b -> b.label().equals(e.label()) ? new Bar(b.label(), e.value()) : b).toList();
            return s.withChart(new Chart(bars, c.barColor()));
        }
        if (edit instanceof Edit.SetClock e) {
            Clock c = s.clock();
            if (c == null) {
                throw new EditException("there is no clock to set: this is " + kindPhrase(s));
            }
            return s.withClock(new Clock(e.hour(), e.minute(), c.faceColor(), c.handColor()));
        }
        if (edit instanceof Edit.SetBackground e) {
            return s.withBackdrop(s.backdrop().withBackground(e.color()));
        }
        if (edit instanceof Edit.Perturb e) {
            return s.withBackdrop(s.backdrop().withPhotometric(perturbed(s.backdrop().photometric(), e.kind(), rng)));
        }
        if (edit instanceof Edit.Clutter e) {
            Backdrop b = s.backdrop();
            if (!e.add()) {
                return s.withBackdrop(b.withClutter(0));
            }
            if (b.clutter() == 0) {
                b = new Backdrop(b.background(), b.texture(), 0, rng.nextLong(), b.photometric());
            }
            return s.withBackdrop(b.withClutter(Math.min(Backdrop.MAX_CLUTTER, b.clutter() + 8)));
        }
        throw new IllegalArgumentException("unknown edit " + edit);
    }

    private static String kindPhrase(Scene s) {
        return s.kind() == SceneKind.OBJECTS ? "an object scene" : "a " + (s.kind() == SceneKind.CHART ? "chart"
                : s.kind().word()) + " scene";
    }

    /** The objects a reference names; a singular one must name exactly one. */
    static List<SceneObject> select(Scene s, ObjectRef ref, String verb) {
        List<SceneObject> found = ref.filter().select(s);
        if (ref.all()) {
            return found;
        }
        String noun = ref.filter().phrase(false);
        if (found.isEmpty()) {
            throw new EditException("there is no " + noun + " to " + verb
                    + (s.kind() == SceneKind.OBJECTS || s.kind() == SceneKind.SIGN ? "" : ": this is " + kindPhrase(s)));
        }
        if (found.size() > 1) {
            throw new EditException("'" + ref.words() + "' is ambiguous: " + found.size() + " "
                    + ref.filter().phrase(true) + " match");
        }
        return found;
    }

    private static SceneObject one(Scene s, ObjectRef ref, String verb) {
        return select(s, ref, verb).get(0);
    }

    private static Scene map(Scene s, ObjectRef ref, String verb, UnaryOperator<SceneObject> f) {
        Scene out = s;
        for (SceneObject o : select(s, ref, verb)) {
            out = out.replace(f.apply(o));
        }
        return out;
    }

    /** A size change keeps the centre, nudged only as far as needed to stay inside the image. */
    private static SceneObject resized(SceneObject o, SizeClass size) {
        return inside(o.withSize(size));
    }

    /** Clamps the centre so the object lies inside the image; the region never changes by this. */
    private static SceneObject inside(SceneObject o) {
        double m = o.size().radius() + 0.01;
        double x = Math.min(1 - m, Math.max(m, o.x()));
        double y = Math.min(1 - m, Math.max(m, o.y()));
        return x == o.x() && y == o.y() ? o : o.withPosition(x, y);
    }

    private static Scene add(Scene s, Edit.Add e, SplittableRandom rng) {
        if (s.kind() == SceneKind.CHART || s.kind() == SceneKind.CLOCK) {
            throw new EditException("cannot add objects to " + kindPhrase(s));
        }
        if (s.objects().size() + e.count() > Limits.MAX_OBJECTS) {
            throw new EditException("cannot add " + e.count() + " object" + (e.count() > 1 ? "s" : "")
                    + ": the scene has " + s.objects().size() + " and holds at most " + Limits.MAX_OBJECTS);
        }
        Scene out = s;
        for (int i = 0; i < e.count(); i++) {
            Optional<SceneObject> o = PLACER.add(out, e.what(), e.region(), rng);
            if (o.isEmpty()) {
                throw new EditException("no room for " + (i == 0 ? EditWriter.counted(1, e.what())
                        : "another " + e.what().phrase(false)) + (e.region() == null ? "" : " at the "
                        + e.region().words()));
            }
            List<SceneObject> list = new ArrayList<>(out.objects());
            list.add(o.get());
            out = out.withObjects(list);
        }
        return out;
    }

    private static Scene moveBeside(Scene s, Edit.MoveBeside e) {
        SceneObject o = one(s, e.target(), "move");
        SceneObject a = one(s, e.anchor(), "move " + e.target().words() + " next to");
        if (o.id() == a.id()) {
            throw new EditException("cannot move " + e.target().words() + " " + e.relation().words() + " itself");
        }
        double dx = switch (e.relation()) {
            case LEFT_OF -> -1;
            case RIGHT_OF -> 1;
            default -> 0;
        };
        double dy = switch (e.relation()) {
            case ABOVE -> -1;
            case BELOW -> 1;
            default -> 0;
        };
        double base = o.size().radius() + a.size().radius() + GAP;
        // Walk outwards along the direction, and a little sideways, until a clear spot appears; the
        // sideways offset stays below half the distance so the relation is unmistakable.
        for (int step = 0; step <= 20; step++) {
            double along = base + 0.02 * step;
            for (double side : new double[] {0, 0.03, -0.03, 0.06, -0.06, 0.09, -0.09}) {
                if (Math.abs(side) >= along / 2) {
                    continue;
                }
                double x = a.x() + dx * along + dy * side;
                double y = a.y() + dy * along + dx * side;
                double m = o.size().radius() + 0.01;
                if (x < m || x > 1 - m || y < m || y > 1 - m) {
                    continue;
                }
                if (ObjectPlacer.clear(s, o.size(), x, y, o.id(), 1.1)) {
                    return s.replace(o.withPosition(x, y));
                }
            }
        }
        throw new EditException("no room to put " + e.target().words() + " " + e.relation().words() + " "
                + e.anchor().words());
    }

    private static Scene setSign(Scene s, String text) {
        Sign old = s.sign();
        if (old == null) {
            throw new EditException("there is no sign to change: this is " + kindPhrase(s));
        }
        Sign n = old.withText(text);
        // Longer text may outgrow the image; shrink the letters as the sampler does.
        while (!Geometry.inside(Geometry.board(n, 1.0), 1.0)) {
            if (n.textSize() == TextSize.SMALL) {
                throw new EditException("the sign text '" + text + "' does not fit on the sign");
            }
            n = new Sign(text, n.textColor(), n.boardColor(), TextSize.values()[n.textSize().ordinal() - 1],
                    n.rotation(), n.x(), n.y());
        }
        return s.withSign(n);
    }

    private static Photometric perturbed(Photometric p, Edit.Perturbation kind, SplittableRandom rng) {
        long seed = p.seed() == 0 ? rng.nextLong() : p.seed();
        Photometric q = new Photometric(p.blur(), p.noise(), p.contrast(), p.brightness(), p.jpegQuality(), seed);
        Photometric r = switch (kind) {
            case BLUR -> q.withBlur(Math.min(4, round(p.blur() + 1.2)));
            case NOISE -> q.withNoise(Math.min(0.5, round(p.noise() + 0.08)));
            case DARKEN -> q.withBrightness(Math.max(-0.6, round(p.brightness() - 0.3)));
            case BRIGHTEN -> q.withBrightness(Math.min(0.6, round(p.brightness() + 0.3)));
            case LOWER_CONTRAST -> q.withContrast(Math.max(0.2, round(p.contrast() * 0.5)));
            case COMPRESS -> q.withJpegQuality(p.jpegQuality() == 0 ? 15 : Math.max(1, p.jpegQuality() / 2));
            case RESTORE -> Photometric.NONE;
        };
        // Keep the old record when nothing visible changes, so a no-op reports no change.
        return r.isNone() && p.isNone() ? p : r.equals(q) ? p : r;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
