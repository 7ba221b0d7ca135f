package org.auditdm.world.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.caption.CaptionWriter;
import org.auditdm.world.edit.Edit;
import org.auditdm.world.edit.EditParser;
import org.auditdm.world.edit.EditWriter;
import org.auditdm.world.edit.Editor;
import org.auditdm.world.edit.ObjectRef;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;

/**
 * Draws auditor-style texts for a scene in each {@link ProbeMode}: answerable questions, edit
 * commands that apply to the scene, and regeneration captions of a harder variant of the scene.
 * It is the unaimed "teacher" of the base auditor: every text it writes is accepted by the world's
 * parsers, but none is chosen to make a model fail. Deterministic for a given random stream.
 */
public final class ProbeTextSampler {
    /** Edit candidates tried before falling back to a scene-level edit. */
    public static final int EDIT_ATTEMPTS = 24;
    /** Caption variants tried before falling back to the caption of the scene itself. */
    public static final int CAPTION_ATTEMPTS = 12;
    /** Placement streams an edit must fit under (see {@link #edit}). */
    public static final int CHECK_STREAMS = 4;
    /** The scene-level edit used when nothing else applies; it applies to every scene. */
    public static final String FALLBACK_EDIT = "blur the image";
    /** Most seed objects a regeneration caption keeps before its challenges are added. */
    public static final int CAPTION_OBJECTS = 4;
    /** Rotation angles the sampler writes: a small set, so that texts stay in a small vocabulary. */
    public static final List<Integer> ROTATIONS = List.of(15, 30, 45, 60, 90, 120, 135, 180, 270);
    /** Characters of labels the sampler writes (one character each, as the scene sampler does). */
    public static final String LABEL_CHARS = SceneSampler.LABEL_CHARS;

    private static final NamedColor[][] NEAR_COLORS = {
        {NamedColor.RED, NamedColor.ORANGE}, {NamedColor.BLUE, NamedColor.PURPLE}, {NamedColor.PINK, NamedColor.RED},
        {NamedColor.GRAY, NamedColor.WHITE}, {NamedColor.CYAN, NamedColor.BLUE}, {NamedColor.YELLOW, NamedColor.ORANGE},
    };
    private static final NamedColor[] BACKGROUNDS = {NamedColor.WHITE, NamedColor.GRAY, NamedColor.YELLOW,
        NamedColor.CYAN, NamedColor.PINK, NamedColor.BLACK, NamedColor.GREEN};

    private enum Kind {
        RECOLOR, REMOVE, ADD, MOVE_TO, MOVE_BESIDE, RESIZE, SCALE, RESHAPE, REFILL, ROTATE, SWAP, LABEL, UNLABEL,
        SIGN_TEXT, BAR, CLOCK, BACKGROUND, PERTURB, CLUTTER
    }

    private final QuestionSampler questions = new QuestionSampler();

    /** One text of the given mode. */
    public String sample(ProbeMode mode, Scene scene, SplittableRandom rng) {
        Objects.requireNonNull(mode, "mode");
        return switch (mode) {
            case QUESTION -> question(scene, rng);
            case EDIT -> edit(scene, rng);
            case CAPTION -> caption(scene, rng);
        };
    }

    /**
     * An answerable question about the scene, written through a training template.
     *
     * @throws IllegalArgumentException when no family has an answerable question on this scene
     */
    public String question(Scene scene, SplittableRandom rng) {
        Objects.requireNonNull(scene, "scene");
        return questions.sampleQa(scene, rng, QuestionSampler.uniformWeights(), false).map(QA::text)
                .orElseThrow(() -> new IllegalArgumentException("no answerable question on this "
                        + scene.kind().name().toLowerCase() + " scene"));
    }

    /**
     * A random edit command that {@link Editor#apply} accepts on the scene and that changes it (or,
     * after {@value #EDIT_ATTEMPTS} misses, {@value #FALLBACK_EDIT}). Edits whose outcome depends on
     * the placement stream (add, move) are kept only when they fit under the placement streams
     * seeded 0 to {@value #CHECK_STREAMS} - 1, so they nearly always fit under any other stream.
     */
    public String edit(Scene scene, SplittableRandom rng) {
        Objects.requireNonNull(scene, "scene");
        return randomEdit(scene, rng).map(EditWriter::write).orElse(FALLBACK_EDIT);
    }

    /**
     * A regeneration caption: the canonical caption of the scene after one to three random changes
     * that make it harder (more objects, near colours, smaller sign text, other edits), which
     * {@link CaptionParser#parse} accepts.
     */
    public String caption(Scene scene, SplittableRandom rng) {
        Objects.requireNonNull(scene, "scene");
        Scene base = fewerObjects(singleCharLabels(scene, rng), rng);
        for (int attempt = 0; attempt < CAPTION_ATTEMPTS; attempt++) {
            Scene s = base;
            int changes = 1 + rng.nextInt(3);
            for (int k = 0; k < changes; k++) {
                s = challenge(s, rng);
            }
            String caption = CaptionWriter.describe(s);
            if (parses(caption)) {
                return caption;
            }
        }
        return CaptionWriter.describe(base);
    }

    // ------------------------------------------------------------------ captions

    private static boolean parses(String caption) {
        try {
            CaptionParser.parse(caption, 1);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One change that makes the scene harder, or the scene unchanged if the change did not fit. */
    private Scene challenge(Scene s, SplittableRandom rng) {
        int pick = rng.nextInt(5);
        Edit e = null;
        if (pick == 0 && s.kind() != SceneKind.CHART && s.kind() != SceneKind.CLOCK) {
            e = moreObjects(s, rng);
        } else if (pick == 1 && !s.objects().isEmpty()) {
            SceneObject o = s.objects().get(rng.nextInt(s.objects().size()));
            NamedColor near = near(o.color(), rng);
            ObjectRef ref = uniqueRef(s, o, rng);
            if (near != null && ref != null) {
                e = new Edit.Recolor(ref, near);
            }
        } else if (pick == 2 && s.sign() != null && s.sign().textSize() != TextSize.SMALL) {
            Sign g = s.sign();
            return s.withSign(new Sign(g.text(), g.textColor(), g.boardColor(), TextSize.SMALL, g.rotation(), g.x(),
                    g.y()));
        } else {
            e = randomEdit(s, rng).orElse(null);
        }
        if (e == null) {
            return s;
        }
        try {
            return Editor.apply(s, e, new SplittableRandom(rng.nextLong())).scene();
        } catch (NullPointerException ex) {
            return s;
        } catch (IllegalArgumentException ex) {
            return s;
        }
    }

    /** "add three small red circles": often a shape already present, so that counts get harder. */
    private static Edit moreObjects(Scene s, SplittableRandom rng) {
        int room = Limits.MAX_OBJECTS - s.objects().size();
        if (room <= 0) {
            return null;
        }
        int n = 1 + rng.nextInt(Math.min(3, room));
        if (s.objects().size() + n > CAPTION_OBJECTS + 3) {
            return null;
        }
        ObjectFilter what;
        if (!s.objects().isEmpty() && rng.nextBoolean()) {
            SceneObject like = s.objects().get(rng.nextInt(s.objects().size()));
            what = new ObjectFilter(null, rng.nextBoolean() ? like.color() : null, null, like.shape());
        } else {
            what = new ObjectFilter(rng.nextInt(3) == 0 ? SizeClass.SMALL : null, pick(NamedColor.values(), rng), null,
                    pick(ShapeKind.values(), rng));
        }
        return new Edit.Add(n, what, null);
    }

    private static NamedColor near(NamedColor c, SplittableRandom rng) {
        List<NamedColor> options = new ArrayList<>();
        for (NamedColor[] pair : NEAR_COLORS) {
            if (pair[0] == c) {
                options.add(pair[1]);
            } else if (pair[1] == c) {
                options.add(pair[0]);
            }
        }
        return options.isEmpty() ? null : options.get(rng.nextInt(options.size()));
    }

    /**
     * Keeps {@value #CAPTION_OBJECTS} of the objects (a random choice, in z-order) when there are
     * more: the caption describes a new image, and a caption of twelve objects is longer than an
     * auditor writes.
     */
    private static Scene fewerObjects(Scene s, SplittableRandom rng) {
        if (s.objects().size() <= CAPTION_OBJECTS) {
            return s;
        }
        List<SceneObject> keep = new ArrayList<>(s.objects());
        while (keep.size() > CAPTION_OBJECTS) {
            keep.remove(rng.nextInt(keep.size()));
        }
        return s.withObjects(keep);
    }

    /** Replaces labels longer than one character, so captions stay within a small vocabulary. */
    private static Scene singleCharLabels(Scene s, SplittableRandom rng) {
        if (s.objects().stream().noneMatch(o -> o.label() != null && o.label().length() > 1)) {
            return s;
        }
        return s.mapObjects(o -> o.label() == null || o.label().length() == 1 ? o
                : o.withLabel(String.valueOf(LABEL_CHARS.charAt(rng.nextInt(LABEL_CHARS.length())))));
    }

    // ------------------------------------------------------------------ edits

    /** An edit that applies to the scene, changes it, and survives a write/parse round trip. */
    private java.util.Optional<Edit> randomEdit(Scene scene, SplittableRandom rng) {
        List<Kind> kinds = kinds(scene);
        for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
            Kind k = kinds.get(rng.nextInt(kinds.size()));
            Edit e;
            try {
                e = candidate(k, scene, rng);
            } catch (IllegalArgumentException | NullPointerException ex) {
                // no reference singles the object out, or the draw is out of range: draw another
                continue;
            }
            if (e == null) {
                continue;
            }
            try {
                if (!EditParser.parse(EditWriter.write(e)).equals(e)) {
                    continue;
                }
                if (appliesRobustly(scene, e)) {
                    return java.util.Optional.of(e);
                }
            } catch (IllegalArgumentException ex) {
                // does not fit this scene: draw another
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * True when the edit changes the scene under each of {@value #CHECK_STREAMS} fixed placement
     * streams: where added or moved objects land is random, and an edit that fits only by luck
     * would fail in the engine's own stream.
     */
    private static boolean appliesRobustly(Scene scene, Edit e) {
        for (int k = 0; k < CHECK_STREAMS; k++) {
            if (Editor.apply(scene, e, new SplittableRandom(k)).changes().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static List<Kind> kinds(Scene scene) {
        List<Kind> out = new ArrayList<>();
        boolean objects = !scene.objects().isEmpty();
        if (objects) {
            // object edits dominate on object scenes, as they are the bulk of the edit language
            for (int rep = 0; rep < 2; rep++) {
                out.addAll(List.of(Kind.RECOLOR, Kind.REMOVE, Kind.MOVE_TO, Kind.RESIZE, Kind.SCALE, Kind.RESHAPE,
                        Kind.REFILL, Kind.ROTATE, Kind.LABEL));
                if (scene.objects().size() > 1) {
                    out.addAll(List.of(Kind.MOVE_BESIDE, Kind.SWAP));
                }
            }
            if (scene.objects().stream().anyMatch(o -> o.label() != null)) {
                out.add(Kind.UNLABEL);
            }
        }
        if (scene.kind() == SceneKind.OBJECTS || scene.kind() == SceneKind.SIGN) {
            out.add(Kind.ADD);
            out.add(Kind.ADD);
        }
        if (scene.sign() != null) {
            out.addAll(List.of(Kind.SIGN_TEXT, Kind.SIGN_TEXT, Kind.SIGN_TEXT));
        }
        if (scene.chart() != null) {
            out.addAll(List.of(Kind.BAR, Kind.BAR, Kind.BAR, Kind.BAR));
        }
        if (scene.clock() != null) {
            out.addAll(List.of(Kind.CLOCK, Kind.CLOCK, Kind.CLOCK, Kind.CLOCK));
        }
        out.addAll(List.of(Kind.BACKGROUND, Kind.PERTURB, Kind.CLUTTER));
        return out;
    }

    private static Edit candidate(Kind k, Scene s, SplittableRandom rng) {
        List<SceneObject> objs = s.objects();
        SceneObject o = objs.isEmpty() ? null : objs.get(rng.nextInt(objs.size()));
        return switch (k) {
            case RECOLOR -> new Edit.Recolor(ref(s, o, rng), pick(NamedColor.values(), rng));
            case REMOVE -> new Edit.Remove(ref(s, o, rng));
            case ADD -> {
                int room = Limits.MAX_OBJECTS - objs.size();
                if (room <= 0) {
                    yield null;
                }
                int n = 1 + (rng.nextInt(3) == 0 ? rng.nextInt(Math.min(3, room)) : 0);
                ObjectFilter what = new ObjectFilter(
                        rng.nextInt(3) == 0 ? pick(SizeClass.values(), rng) : null,
                        rng.nextInt(4) == 0 ? null : pick(NamedColor.values(), rng),
                        rng.nextInt(4) == 0 ? pick(Fill.values(), rng) : null,
                        pick(ShapeKind.values(), rng));
                yield new Edit.Add(n, what, rng.nextBoolean() ? pick(Region.values(), rng) : null);
            }
            case MOVE_TO -> new Edit.MoveTo(uniqueRef(s, o, rng), pick(Region.values(), rng));
            case MOVE_BESIDE -> {
                SceneObject a = objs.get(rng.nextInt(objs.size()));
                yield a == o ? null : new Edit.MoveBeside(uniqueRef(s, o, rng), pick(Edit.Relation.values(), rng),
                        uniqueRef(s, a, rng));
            }
            case RESIZE -> new Edit.Resize(ref(s, o, rng), pick(SizeClass.values(), rng));
            case SCALE -> new Edit.Scale(ref(s, o, rng), rng.nextBoolean());
            case RESHAPE -> new Edit.Reshape(ref(s, o, rng), pick(ShapeKind.values(), rng));
            case REFILL -> new Edit.Refill(ref(s, o, rng), pick(Fill.values(), rng));
            case ROTATE -> new Edit.Rotate(ref(s, o, rng), ROTATIONS.get(rng.nextInt(ROTATIONS.size())));
            case SWAP -> {
                SceneObject b = objs.get(rng.nextInt(objs.size()));
                yield b == o ? null : new Edit.Swap(uniqueRef(s, o, rng), uniqueRef(s, b, rng));
            }
            case LABEL -> new Edit.Label(uniqueRef(s, o, rng),
                    String.valueOf(LABEL_CHARS.charAt(rng.nextInt(LABEL_CHARS.length()))));
            case UNLABEL -> {
                List<SceneObject> labelled = objs.stream().filter(x -> x.label() != null).toList();
                yield new Edit.Unlabel(uniqueRef(s, labelled.get(rng.nextInt(labelled.size())), rng));
            }
            case SIGN_TEXT -> new Edit.SetSignText(SceneSampler.SIGN_WORDS.get(
                    rng.nextInt(SceneSampler.SIGN_WORDS.size())));
            case BAR -> {
                Chart c = s.chart();
                yield new Edit.SetBar(c.bars().get(rng.nextInt(c.bars().size())).label(),
                        rng.nextInt(Limits.MAX_BAR_VALUE + 1));
            }
            // on the five-minute grid, as the world's sampled clocks (experiment: off-grid times, which no zoo
            // model was trained on, let GRPO find a rounding bias both v2 references share)
            case CLOCK -> new Edit.SetClock(1 + rng.nextInt(12), 5 * rng.nextInt(12));
            case BACKGROUND -> new Edit.SetBackground(pick(BACKGROUNDS, rng));
            case PERTURB -> new Edit.Perturb(pick(Edit.Perturbation.values(), rng));
            case CLUTTER -> new Edit.Clutter(s.backdrop().clutter() == 0 || rng.nextInt(3) != 0);
        };
    }

    /** A reference to {@code o}: usually singular and unique, sometimes plural ("all red circles"). */
    private static ObjectRef ref(Scene s, SceneObject o, SplittableRandom rng) {
        if (rng.nextInt(5) == 0) {
            ObjectFilter f = randomFilter(o, rng);
            return ObjectRef.all(f);
        }
        return uniqueRef(s, o, rng);
    }

    /** A singular reference naming exactly {@code o}, or null when no description singles it out. */
    private static ObjectRef uniqueRef(Scene s, SceneObject o, SplittableRandom rng) {
        for (int attempt = 0; attempt < 8; attempt++) {
            ObjectFilter f = randomFilter(o, rng);
            if (f.select(s).size() == 1) {
                return ObjectRef.the(f);
            }
        }
        ObjectFilter full = new ObjectFilter(o.size(), o.color(), o.fill(), o.shape());
        return full.select(s).size() == 1 ? ObjectRef.the(full) : null;
    }

    /** A description of {@code o} by its shape and a random subset of its other attributes. */
    private static ObjectFilter randomFilter(SceneObject o, SplittableRandom rng) {
        return new ObjectFilter(rng.nextInt(3) == 0 ? o.size() : null, rng.nextInt(3) != 0 ? o.color() : null,
                rng.nextInt(4) == 0 ? o.fill() : null, o.shape());
    }

    private static <T> T pick(T[] values, SplittableRandom rng) {
        return values[rng.nextInt(values.length)];
    }
}
