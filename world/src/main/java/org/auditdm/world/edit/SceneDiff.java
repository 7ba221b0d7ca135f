package org.auditdm.world.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.auditdm.world.caption.CaptionWriter;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.Sign;

/**
 * The differences between two scenes, object by object (matched by id) and then scene-level.
 * Edits report their changes through it, so a report can never claim less or more than happened.
 */
public final class SceneDiff {
    private SceneDiff() {
    }

    /** Everything that differs from {@code before} to {@code after}. */
    public static List<Change> between(Scene before, Scene after) {
        List<Change> out = new ArrayList<>();
        for (SceneObject o : before.objects()) {
            if (after.object(o.id()).isEmpty()) {
                out.add(new Change(Change.Kind.REMOVED, o.id(), "object", describe(o), "",
                        "removed object " + o.id() + ": " + describe(o)));
            }
        }
        for (SceneObject a : after.objects()) {
            var b = before.object(a.id());
            if (b.isEmpty()) {
                out.add(new Change(Change.Kind.ADDED, a.id(), "object", "", describe(a),
                        "added object " + a.id() + ": " + describe(a)));
            } else {
                objectChanges(b.get(), a, out);
            }
        }
        List<Integer> oldOrder = before.objects().stream().map(SceneObject::id)
                .filter(id -> after.object(id).isPresent()).toList();
        List<Integer> newOrder = after.objects().stream().map(SceneObject::id)
                .filter(id -> before.object(id).isPresent()).toList();
        if (!oldOrder.equals(newOrder)) {
            scene(out, "z-order", oldOrder.toString(), newOrder.toString());
        }
        signChanges(before.sign(), after.sign(), out);
        if (!Objects.equals(before.chart(), after.chart())) {
            if (before.chart() != null && after.chart() != null
                    && before.chart().barColor() == after.chart().barColor()) {
                for (Bar nb : after.chart().bars()) {
                    var ob = before.chart().bar(nb.label());
                    if (ob.isEmpty() || ob.get().value() != nb.value()) {
                        scene(out, "bar " + nb.label(), ob.map(b -> "" + b.value()).orElse("none"), "" + nb.value());
                    }
                }
            } else {
                scene(out, "chart", before.chart() == null ? "none" : CaptionWriter.chart(before.chart()),
                        after.chart() == null ? "none" : CaptionWriter.chart(after.chart()));
            }
        }
        if (!Objects.equals(before.clock(), after.clock())) {
            scene(out, "clock", before.clock() == null ? "none" : CaptionWriter.clock(before.clock()),
                    after.clock() == null ? "none" : CaptionWriter.clock(after.clock()));
        }
        backdropChanges(before.backdrop(), after.backdrop(), out);
        return out;
    }

    /** "small red solid circle at top left" (plus its label). */
    public static String describe(SceneObject o) {
        return o.size().word() + " " + o.color().word() + " " + CaptionWriter.fillWord(o.fill()) + " "
                + o.shape().word() + (o.label() == null ? "" : " labelled " + o.label()) + " at "
                + o.region().words();
    }

    private static void objectChanges(SceneObject b, SceneObject a, List<Change> out) {
        String who = "object " + b.id() + " (" + b.shape().word() + ")";
        attr(out, b, who, "shape", b.shape().word(), a.shape().word());
        attr(out, b, who, "colour", b.color().word(), a.color().word());
        attr(out, b, who, "size", b.size().word(), a.size().word());
        attr(out, b, who, "fill", b.fill().word(), a.fill().word());
        attr(out, b, who, "rotation", fmt(b.rotation()) + " degrees", fmt(a.rotation()) + " degrees");
        if (b.x() != a.x() || b.y() != a.y()) {
            attr(out, b, who, "position", position(b), position(a));
        }
        attr(out, b, who, "label", b.label() == null ? "none" : b.label(), a.label() == null ? "none" : a.label());
    }

    private static String position(SceneObject o) {
        return o.region().words() + String.format(Locale.ROOT, " (%.2f, %.2f)", o.x(), o.y());
    }

    private static void attr(List<Change> out, SceneObject o, String who, String attribute, String before,
                             String after) {
        if (!before.equals(after)) {
            out.add(new Change(Change.Kind.MODIFIED, o.id(), attribute, before, after,
                    who + ": " + attribute + " " + before + " -> " + after));
        }
    }

    private static void signChanges(Sign b, Sign a, List<Change> out) {
        if (Objects.equals(b, a)) {
            return;
        }
        if (b == null || a == null) {
            scene(out, "sign", b == null ? "none" : CaptionWriter.sign(b, true), a == null ? "none"
                    : CaptionWriter.sign(a, true));
            return;
        }
        if (!b.text().equals(a.text())) {
            scene(out, "sign text", b.text(), a.text());
        }
        if (b.textSize() != a.textSize()) {
            scene(out, "sign text size", b.textSize().word(), a.textSize().word());
        }
        if (b.textColor() != a.textColor() || b.boardColor() != a.boardColor() || b.rotation() != a.rotation()
                || b.x() != a.x() || b.y() != a.y()) {
            scene(out, "sign", CaptionWriter.sign(b, true), CaptionWriter.sign(a, true));
        }
    }

    private static void backdropChanges(Backdrop b, Backdrop a, List<Change> out) {
        if (b.background() != a.background()) {
            scene(out, "background", b.background().word(), a.background().word());
        }
        if (b.texture() != a.texture()) {
            scene(out, "texture", b.texture().word(), a.texture().word());
        }
        if (b.clutter() != a.clutter()) {
            scene(out, "clutter", b.clutter() + " marks", a.clutter() + " marks");
        }
        Photometric p = b.photometric();
        Photometric q = a.photometric();
        if (p.blur() != q.blur()) {
            scene(out, "blur", fmt(p.blur()), fmt(q.blur()));
        }
        if (p.noise() != q.noise()) {
            scene(out, "noise", fmt(p.noise()), fmt(q.noise()));
        }
        if (p.contrast() != q.contrast()) {
            scene(out, "contrast", fmt(p.contrast()), fmt(q.contrast()));
        }
        if (p.brightness() != q.brightness()) {
            scene(out, "brightness", fmt(p.brightness()), fmt(q.brightness()));
        }
        if (p.jpegQuality() != q.jpegQuality()) {
            scene(out, "jpeg quality", p.jpegQuality() == 0 ? "none" : "" + p.jpegQuality(),
                    q.jpegQuality() == 0 ? "none" : "" + q.jpegQuality());
        }
    }

    private static void scene(List<Change> out, String attribute, String before, String after) {
        out.add(new Change(Change.Kind.SCENE, -1, attribute, before, after, attribute + ": " + before + " -> " + after));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
