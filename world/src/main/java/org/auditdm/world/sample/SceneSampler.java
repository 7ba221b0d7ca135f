package org.auditdm.world.sample;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;
import org.auditdm.world.scene.Texture;

/**
 * Draws random scenes from a {@link WorldPrior}. Deterministic: the same random stream gives the
 * same scene. Also places new objects without heavy overlap, which captions and edits reuse.
 */
public final class SceneSampler {
    /** Words that signs show. Sign scenes may hold any text; sampled ones come from here. */
    public static final List<String> SIGN_WORDS = List.of(
            "STOP", "GO", "EXIT", "OPEN", "SALE", "SLOW", "YIELD", "PARK", "CAFE", "BUS", "TAXI", "HOTEL",
            "BANK", "PUSH", "PULL", "WAIT", "WALK", "NORTH", "SOUTH", "EAST", "WEST", "FIRE", "SHOP", "INFO",
            "TOLL", "ZONE", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100");

    /** Characters of sampled object labels. */
    public static final String LABEL_CHARS = "ABCDEFGHKMNPRSTXYZ0123456789";

    /** Backgrounds other than white: light enough that most colours stand out. */
    private static final NamedColor[] BACKGROUNDS = {NamedColor.GRAY, NamedColor.YELLOW, NamedColor.CYAN,
        NamedColor.PINK, NamedColor.BLACK, NamedColor.GREEN};

    private final WorldPrior prior;

    public SceneSampler(WorldPrior prior) {
        this.prior = Objects.requireNonNull(prior, "prior");
    }

    public WorldPrior prior() {
        return prior;
    }

    /** A scene of a kind drawn from the prior. */
    public Scene sample(SplittableRandom rng) {
        SceneKind kind = Draw.weighted(rng, SceneKind.values(), prior.kindWeights());
        return sample(kind, rng);
    }

    public Scene sample(SceneKind kind, SplittableRandom rng) {
        return switch (kind) {
            case OBJECTS -> objectScene(objectCount(rng), rng);
            case CHART -> Scene.ofChart(chart(rng), backdrop(rng, false));
            case SIGN -> Scene.ofSign(sign(rng, 0.5, 0.5, true), backdrop(rng, false));
            case CLOCK -> Scene.ofClock(clock(rng), backdrop(rng, false));
        };
    }

    /** An object count in 1..12 from the prior's long tail. */
    public int objectCount(SplittableRandom rng) {
        double[] w = new double[Limits.MAX_OBJECTS];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.pow(prior.countDecay(), i);
        }
        return 1 + Draw.weighted(rng, w);
    }

    /** An object scene with {@code n} objects (fewer if they cannot be placed). */
    public Scene objectScene(int n, SplittableRandom rng) {
        Backdrop backdrop = backdrop(rng, true);
        Sign sign = null;
        if (Draw.chance(rng, prior.signInSceneProbability())) {
            sign = sign(rng, Draw.between(rng, 0.3, 0.7), rng.nextBoolean() ? 0.14 : 0.86, false);
        }
        Scene scene = new Scene(List.of(), sign, null, null, backdrop);
        boolean overlap = Draw.chance(rng, prior.overlapProbability());
        for (int i = 0; i < n; i++) {
            Optional<SceneObject> o = addRandom(scene, ObjectFilter.ANY, null, overlap, rng);
            if (o.isPresent()) {
                List<SceneObject> list = new ArrayList<>(scene.objects());
                list.add(o.get());
                scene = scene.withObjects(list);
            }
        }
        return scene;
    }

    /**
     * A new random object satisfying {@code filter} (its unset attributes drawn from the prior),
     * placed in {@code region} if given, with the scene's next id; empty when there is no room.
     */
    public Optional<SceneObject> addRandom(Scene scene, ObjectFilter filter, Region region, boolean overlap,
                                           SplittableRandom rng) {
        ShapeKind shape = filter.shape() != null ? filter.shape()
                : Draw.weighted(rng, ShapeKind.values(), prior.shapeWeights());
        SizeClass size = filter.size() != null ? filter.size()
                : Draw.weighted(rng, SizeClass.values(), prior.sizeWeights());
        Fill fill = filter.fill() != null ? filter.fill() : Draw.weighted(rng, Fill.values(), prior.fillWeights());
        NamedColor color = filter.color();
        if (color == null) {
            double[] w = prior.colorWeights().clone();
            w[scene.backdrop().background().ordinal()] = 0;
            color = Draw.weighted(rng, NamedColor.values(), w);
        }
        double rotation = shape == ShapeKind.CIRCLE ? 0 : Math.floor(rng.nextDouble() * 72) * 5;
        String label = null;
        if (size != SizeClass.SMALL && fill == Fill.SOLID && Draw.chance(rng, prior.labelProbability())) {
            label = String.valueOf(LABEL_CHARS.charAt(rng.nextInt(LABEL_CHARS.length())));
        }
        Optional<double[]> at = place(scene, size, region, overlap, rng);
        if (at.isEmpty() && !overlap && region == null) {
            at = place(scene, size, null, true, rng);
        }
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SceneObject(scene.nextId(), shape, color, size, fill, rotation,
                at.get()[0], at.get()[1], label));
    }

    /**
     * A free position for an object of a size: fully inside the image (and inside {@code region} if
     * given), clear of the sign, and clear of other objects unless {@code overlap} allows partial
     * occlusion (centres still at least one radius apart so nothing hides completely).
     */
    public Optional<double[]> place(Scene scene, SizeClass size, Region region, boolean overlap,
                                    SplittableRandom rng) {
        double r = size.radius();
        double lo = r + 0.01;
        double hi = 1 - r - 0.01;
        double x0 = lo;
        double x1 = hi;
        double y0 = lo;
        double y1 = hi;
        if (region != null) {
            x0 = Math.max(lo, region.col() / 3.0 + 0.02);
            x1 = Math.min(hi, (region.col() + 1) / 3.0 - 0.02);
            y0 = Math.max(lo, region.row() / 3.0 + 0.02);
            y1 = Math.min(hi, (region.row() + 1) / 3.0 - 0.02);
            if (x1 < x0) {
                x0 = x1 = Math.min(hi, Math.max(lo, region.centerX()));
            }
            if (y1 < y0) {
                y0 = y1 = Math.min(hi, Math.max(lo, region.centerY()));
            }
        }
        Rectangle2D board = scene.sign() == null ? null : Geometry.board(scene.sign(), 1.0).getBounds2D();
        for (int attempt = 0; attempt < 80; attempt++) {
            double x = Draw.between(rng, x0, x1 + 1e-9);
            double y = Draw.between(rng, y0, y1 + 1e-9);
            x = Math.min(1, Math.max(0, x));
            y = Math.min(1, Math.max(0, y));
            if (board != null && board.intersects(x - r, y - r, 2 * r, 2 * r)) {
                continue;
            }
            boolean ok = true;
            for (SceneObject o : scene.objects()) {
                double d = Math.hypot(o.x() - x, o.y() - y);
                double need = overlap ? Math.max(r, o.size().radius()) * 1.1 : (r + o.size().radius()) * 1.08;
                if (d < need) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return Optional.of(new double[] {x, y});
            }
        }
        return Optional.empty();
    }

    /** Background colour, texture, clutter and perturbation from the prior. */
    public Backdrop backdrop(SplittableRandom rng, boolean allowColoured) {
        NamedColor bg = allowColoured && Draw.chance(rng, prior.colouredBackgroundProbability())
                ? Draw.uniform(rng, BACKGROUNDS) : NamedColor.WHITE;
        Texture texture = Draw.chance(rng, prior.textureProbability())
                ? Draw.uniform(rng, new Texture[] {Texture.GRID, Texture.DOTS, Texture.GRADIENT}) : Texture.PLAIN;
        int clutter = Draw.chance(rng, prior.clutterProbability()) ? 4 + rng.nextInt(14) : 0;
        long clutterSeed = rng.nextLong();
        Photometric p = Draw.chance(rng, prior.photometricProbability()) ? photometric(rng) : Photometric.NONE;
        return new Backdrop(bg, texture, clutter, clutterSeed, p);
    }

    /** One random perturbation of moderate strength. */
    public Photometric photometric(SplittableRandom rng) {
        Photometric p = new Photometric(0, 0, 1, 0, 0, rng.nextLong());
        return switch (rng.nextInt(5)) {
            case 0 -> p.withBlur(Math.round(Draw.between(rng, 0.6, 1.8) * 10) / 10.0);
            case 1 -> p.withNoise(Math.round(Draw.between(rng, 0.04, 0.14) * 100) / 100.0);
            case 2 -> p.withContrast(Math.round(Draw.between(rng, 0.35, 0.7) * 100) / 100.0);
            case 3 -> p.withBrightness((rng.nextBoolean() ? 1 : -1) * Math.round(Draw.between(rng, 0.2, 0.4) * 100) / 100.0);
            default -> p.withJpegQuality(5 + rng.nextInt(25));
        };
    }

    /** A bar chart of 2-8 bars labelled A, B, C, ... */
    public Chart chart(SplittableRandom rng) {
        int n = Limits.MIN_BARS + rng.nextInt(Limits.MAX_BARS - Limits.MIN_BARS + 1);
        List<Bar> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bars.add(new Bar(String.valueOf((char) ('A' + i)), rng.nextInt(Limits.MAX_BAR_VALUE + 1)));
        }
        NamedColor c = Draw.uniform(rng, new NamedColor[] {NamedColor.BLUE, NamedColor.RED, NamedColor.GREEN,
            NamedColor.ORANGE, NamedColor.PURPLE, NamedColor.GRAY, NamedColor.BLACK});
        return new Chart(bars, c);
    }

    /** A sign with a lexicon word and readable contrast. */
    public Sign sign(SplittableRandom rng, double x, double y, boolean alone) {
        String text = Draw.uniform(rng, SIGN_WORDS);
        TextSize ts = Draw.weighted(rng, TextSize.values(), prior.textSizeWeights());
        if (!alone && ts == TextSize.LARGE) {
            ts = TextSize.MEDIUM;
        }
        NamedColor board;
        NamedColor ink;
        do {
            board = Draw.uniform(rng, NamedColor.values());
            ink = Draw.uniform(rng, NamedColor.values());
        } while (Math.abs(board.luminance() - ink.luminance()) < 0.35);
        double rot = Draw.chance(rng, prior.rotatedSignProbability())
                ? (rng.nextBoolean() ? 1 : -1) * (5 + 5 * rng.nextInt(5)) : 0;
        Sign s = new Sign(text, ink, board, ts, rot, x, y);
        // Shrink text that would not fit the image.
        while (!Geometry.inside(Geometry.board(s, 1.0), 1.0) && s.textSize() != TextSize.SMALL) {
            s = new Sign(text, ink, board, TextSize.values()[s.textSize().ordinal() - 1], rot, x, y);
        }
        return s;
    }

    /** A clock showing a time on the five-minute grid. */
    public Clock clock(SplittableRandom rng) {
        NamedColor face = Draw.uniform(rng, new NamedColor[] {NamedColor.WHITE, NamedColor.WHITE, NamedColor.YELLOW,
            NamedColor.CYAN, NamedColor.PINK});
        NamedColor hands = Draw.uniform(rng, new NamedColor[] {NamedColor.BLACK, NamedColor.BLACK, NamedColor.BLUE,
            NamedColor.RED});
        return new Clock(1 + rng.nextInt(12), 5 * rng.nextInt(12), face, hands);
    }
}
