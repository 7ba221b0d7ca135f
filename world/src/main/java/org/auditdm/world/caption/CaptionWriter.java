package org.auditdm.world.caption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.Texture;
import org.auditdm.world.text.Lexicon;

/**
 * Writes the canonical caption of a scene: everything a caption can say, said in one fixed way,
 * so that {@code describe(parse(describe(s), seed))} equals {@code describe(s)}.
 *
 * <p>Objects are counted in groups of identical described attributes (region, shape, colour,
 * size, fill, label) in that order of precedence, each group with all four attributes and its
 * region: "two small red solid circles at the top left, a large blue striped star in the center".
 * Then the sign, chart or clock clause, then one backdrop clause if the backdrop is not plain.
 */
public final class CaptionWriter {
    private CaptionWriter() {
    }

    private record GroupKey(Region region, ShapeKind shape, NamedColor color, SizeClass size, Fill fill,
                            String label) {
    }

    private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::region)
            .thenComparing(GroupKey::shape)
            .thenComparing(GroupKey::color)
            .thenComparing(GroupKey::size)
            .thenComparing(GroupKey::fill)
            .thenComparing(GroupKey::label, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The canonical caption of {@code scene}. */
    public static String describe(Scene scene) {
        Objects.requireNonNull(scene, "scene");
        List<String> clauses = new ArrayList<>();
        switch (scene.kind()) {
            case CHART -> clauses.add(chart(scene.chart()));
            case CLOCK -> clauses.add(clock(scene.clock()));
            case SIGN -> clauses.add(sign(scene.sign(), false));
            case OBJECTS -> {
                if (scene.objects().isEmpty() && scene.sign() == null) {
                    clauses.add("an empty scene");
                }
                if (!scene.objects().isEmpty()) {
                    clauses.add(objects(scene.objects()));
                }
                if (scene.sign() != null) {
                    clauses.add(sign(scene.sign(), true));
                }
            }
        }
        String b = backdrop(scene.backdrop());
        if (!b.isEmpty()) {
            clauses.add(b);
        }
        return String.join("; ", clauses);
    }

    /** "two small red solid circles at the top left, a large blue striped star in the center". */
    public static String objects(List<SceneObject> objects) {
        Map<GroupKey, Integer> counts = new LinkedHashMap<>();
        for (SceneObject o : objects) {
            counts.merge(new GroupKey(o.region(), o.shape(), o.color(), o.size(), o.fill(), o.label()), 1,
                    Integer::sum);
        }
        List<String> parts = counts.keySet().stream().sorted(ORDER).map(k -> group(k, counts.get(k))).toList();
        return list(parts);
    }

    private static String group(GroupKey k, int n) {
        return (n == 1 ? "a" : Lexicon.numberWord(n)) + " " + k.size().word() + " " + k.color().word() + " "
                + fillWord(k.fill()) + " " + (n == 1 ? k.shape().word() : k.shape().plural())
                + (k.label() == null ? "" : " labelled " + TextLiteral.write(k.label()))
                + " " + place(k.region());
    }

    /** The adjective for a fill: "solid", "striped", "outlined". */
    public static String fillWord(Fill f) {
        return f == Fill.OUTLINE ? "outlined" : f.word();
    }

    /** "at the top left", "in the center", "on the right". */
    public static String place(Region r) {
        return switch (r) {
            case CENTER -> "in the center";
            case LEFT, RIGHT -> "on the " + r.words();
            default -> "at the " + r.words();
        };
    }

    /** "a medium white sign reading STOP in black letters" (plus its place when not alone). */
    public static String sign(Sign s, boolean withObjects) {
        Region r = Region.of(s.x(), s.y());
        return "a " + s.textSize().word() + " " + s.boardColor().word() + " sign reading "
                + TextLiteral.write(s.text()) + " in " + s.textColor().word() + " letters"
                + (withObjects || r != Region.CENTER ? " " + place(r) : "");
    }

    /** "a blue bar chart with A = 3, B = 7 and C = 2". */
    public static String chart(Chart c) {
        List<String> bars = c.bars().stream().map(CaptionWriter::bar).toList();
        return "a " + c.barColor().word() + " bar chart with " + list(bars);
    }

    private static String bar(Bar b) {
        return b.label() + " = " + b.value();
    }

    /** "a white clock with black hands showing 3:45". */
    public static String clock(Clock c) {
        return "a " + c.faceColor().word() + " clock with " + c.handColor().word() + " hands showing " + c.time();
    }

    /** "on a gray background, with a grid texture, with clutter, blurred", or "" for a plain one. */
    public static String backdrop(Backdrop b) {
        List<String> parts = new ArrayList<>();
        if (b.background() != NamedColor.WHITE) {
            parts.add("on a " + b.background().word() + " background");
        }
        if (b.texture() != Texture.PLAIN) {
            parts.add("with a " + b.texture().word() + " texture");
        }
        if (b.clutter() > 0) {
            parts.add("with clutter");
        }
        Photometric p = b.photometric();
        if (p.blur() > 0) {
            parts.add("blurred");
        }
        if (p.noise() > 0) {
            parts.add("noisy");
        }
        if (p.contrast() != 1) {
            parts.add(p.contrast() < 1 ? "low contrast" : "high contrast");
        }
        if (p.brightness() != 0) {
            parts.add(p.brightness() < 0 ? "dark" : "bright");
        }
        if (p.jpegQuality() > 0) {
            parts.add("compressed");
        }
        return String.join(", ", parts);
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
