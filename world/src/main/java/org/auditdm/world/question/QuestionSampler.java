package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.auditdm.world.sample.Draw;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/**
 * Draws questions that the oracle can answer on a given scene. Yes/no families aim for "yes" and
 * "no" equally often; existence negatives follow POPE (random, popular and adversarial absent
 * objects). Deterministic for a given random stream.
 */
public final class QuestionSampler {
    /** Candidate programs tried per request before giving up. */
    public static final int ATTEMPTS = 24;

    /** How an existence question with answer "no" picks its absent object (after POPE). */
    public enum Negative {
        /** Any colour and shape. */
        RANDOM,
        /** The most frequent colours and shapes of the training prior. */
        POPULAR,
        /** A colour of one present object with the shape of another. */
        ADVERSARIAL
    }

    private static final NamedColor[] POPULAR_COLORS = top(NamedColor.values(), WorldPrior.TRAINING.colorWeights(), 3);
    private static final ShapeKind[] POPULAR_SHAPES = top(ShapeKind.values(), WorldPrior.TRAINING.shapeWeights(), 3);

    private final Oracle oracle;

    public QuestionSampler() {
        this(new Oracle());
    }

    public QuestionSampler(Oracle oracle) {
        this.oracle = oracle;
    }

    /**
     * A program of family {@code f} that the oracle answers on {@code scene}, or empty when the family
     * does not apply or nothing answerable was found in {@value #ATTEMPTS} tries.
     */
    public Optional<Program> sample(Family f, Scene scene, SplittableRandom rng) {
        if (!f.appliesTo(scene.kind())) {
            return Optional.empty();
        }
        Pool pool = new Pool(scene);
        String want = f.yesNo() ? (rng.nextBoolean() ? "yes" : "no") : null;
        Program fallback = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            Program p = candidate(f, pool, rng, want);
            if (p == null) {
                continue;
            }
            OracleAnswer a = oracle.answer(scene, p);
            if (!a.isAnswer()) {
                continue;
            }
            if (want == null || a.answer().equals(want)) {
                return Optional.of(p);
            }
            if (fallback == null) {
                fallback = p;
            }
        }
        return Optional.ofNullable(fallback);
    }

    /**
     * A program of a family drawn by weight (indexed by {@link Family} ordinal) among the families
     * that apply to the scene's kind; families that yield nothing are dropped and the draw repeated.
     */
    public Optional<Program> sample(Scene scene, SplittableRandom rng, double[] familyWeights) {
        if (familyWeights == null || familyWeights.length != Family.values().length) {
            throw new IllegalArgumentException("need " + Family.values().length + " family weights");
        }
        double[] w = familyWeights.clone();
        for (Family f : Family.values()) {
            if (!(w[f.ordinal()] >= 0) || Double.isInfinite(w[f.ordinal()])) {
                throw new IllegalArgumentException("family weight of " + f + " is negative or not finite");
            }
            if (!f.appliesTo(scene.kind())) {
                w[f.ordinal()] = 0;
            }
        }
        while (java.util.Arrays.stream(w).sum() > 0) {
            Family f = Family.values()[Draw.weighted(rng, w)];
            Optional<Program> p = sample(f, scene, rng);
            if (p.isPresent()) {
                return p;
            }
            w[f.ordinal()] = 0;
        }
        return Optional.empty();
    }

    /** Equal weight for every family. */
    public static double[] uniformWeights() {
        double[] w = new double[Family.values().length];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    /** A sampled question written through a random template, with its oracle answer. */
    public Optional<QA> sampleQa(Scene scene, SplittableRandom rng, double[] familyWeights, boolean includeHeldOut) {
        return sample(scene, rng, familyWeights).map(p -> qa(scene, p, pickTemplate(p.family(), rng, includeHeldOut)));
    }

    /** Writes a program through a template and attaches the oracle's answer (which must exist). */
    public QA qa(Scene scene, Program p, Template template) {
        OracleAnswer a = oracle.answer(scene, p);
        if (!a.isAnswer()) {
            throw new IllegalArgumentException("the program has no answer on this scene: " + a);
        }
        return new QA(p, QuestionWriter.write(p, template), template.id(), a.answer());
    }

    /** A uniformly drawn template of a family; held-out ones only when asked for. */
    public static Template pickTemplate(Family f, SplittableRandom rng, boolean includeHeldOut) {
        return Draw.uniform(rng, Templates.of(f, includeHeldOut));
    }

    /** An existence question whose object is absent from the scene, chosen the POPE way. */
    public Optional<Program> existenceNegative(Scene scene, Negative kind, SplittableRandom rng) {
        Pool pool = new Pool(scene);
        for (int i = 0; i < ATTEMPTS; i++) {
            ObjectFilter f = negative(pool, kind, rng);
            if (f != null && f.select(scene).isEmpty()) {
                return Optional.of(Program.about(Family.EXISTENCE, f));
            }
        }
        return Optional.empty();
    }

    /** The scene's objects, split once into visible ones (question targets). */
    private static final class Pool {
        final Scene scene;
        final List<SceneObject> visible;

        Pool(Scene scene) {
            this.scene = scene;
            this.visible = scene.objects().stream().filter(o -> !Oracle.hidden(scene, o)).toList();
        }

        SceneObject any(SplittableRandom rng) {
            return visible.isEmpty() ? null : Draw.uniform(rng, visible);
        }
    }

    private Program candidate(Family f, Pool pool, SplittableRandom rng, String want) {
        Scene scene = pool.scene;
        boolean yes = "yes".equals(want);
        SceneObject o = pool.any(rng);
        return switch (f) {
            case EXISTENCE -> {
                if (yes) {
                    yield o == null ? null : Program.about(f, describe(o, null, rng, true));
                }
                ObjectFilter neg = negative(pool, Draw.uniform(rng, Negative.values()), rng);
                yield neg == null ? null : Program.about(f, neg);
            }
            case COUNT -> Program.about(f, rng.nextInt(4) == 0 ? ObjectFilter.ANY
                    : new ObjectFilter(null, null, null, o != null && rng.nextInt(6) > 0 ? o.shape()
                        : Draw.uniform(rng, ShapeKind.values())));
            case COUNT_ATTRIBUTE -> {
                ObjectFilter base = o != null && rng.nextInt(6) > 0 ? describe(o, null, rng, false)
                        : new ObjectFilter(null, Draw.uniform(rng, NamedColor.values()), null, null);
                if (base.size() == null && base.color() == null && base.fill() == null) {
                    base = base.withColor(o != null ? o.color() : Draw.uniform(rng, NamedColor.values()));
                }
                yield Program.about(f, base);
            }
            case COLOR, SHAPE, SIZE, FILL, POSITION -> o == null ? null : Program.about(f, describe(o, f, rng, false));
            case UNIQUENESS -> {
                if (o == null) {
                    yield null;
                }
                if (yes) {
                    yield Program.about(f, describe(o, null, rng, true));
                }
                // "no": either a description shared by several objects, or one of something absent
                ObjectFilter shapeOnly = new ObjectFilter(null, null, null, o.shape());
                yield Program.about(f, rng.nextBoolean() ? shapeOnly
                        : ObjectFilter.of(o.color(), Draw.uniform(rng, ShapeKind.values())));
            }
            case NEGATION -> {
                ObjectFilter subject = rng.nextBoolean() || o == null ? ObjectFilter.ANY
                        : new ObjectFilter(null, null, null, o.shape());
                NamedColor c = o != null && rng.nextInt(4) > 0 ? Draw.uniform(rng, pool.visible).color()
                        : Draw.uniform(rng, NamedColor.values());
                yield Program.negation(subject, c);
            }
            case COLOR_COUNT -> Program.about(f, rng.nextBoolean() || o == null ? ObjectFilter.ANY
                    : rng.nextBoolean() ? new ObjectFilter(null, null, null, o.shape())
                    : new ObjectFilter(rng.nextBoolean() ? o.size() : null, null, o.fill(), null));
            case BINDING -> {
                if (o == null) {
                    yield null;
                }
                ObjectFilter subject = describe(o, Family.SHAPE, rng, false);
                if (subject.isAny()) {
                    subject = subject.withColor(o.color());
                }
                ShapeKind shape = o.shape();
                if (!yes) {
                    List<ShapeKind> others = new ArrayList<>();
                    pool.visible.forEach(x -> {
                        if (x.shape() != o.shape()) {
                            others.add(x.shape());
                        }
                    });
                    shape = !others.isEmpty() && rng.nextBoolean() ? Draw.uniform(rng, others)
                            : otherThan(o.shape(), rng);
                }
                yield Program.binding(subject, new ObjectFilter(null, null, null, shape));
            }
            case SIZE_COMPARE, SPATIAL -> {
                if (pool.visible.size() < 2) {
                    yield null;
                }
                SceneObject b = Draw.uniform(rng, pool.visible);
                if (b.id() == o.id()) {
                    yield null;
                }
                ObjectFilter da = describe(o, Family.SIZE, rng, true);
                ObjectFilter db = describe(b, Family.SIZE, rng, true);
                if (f == Family.SIZE_COMPARE) {
                    Comparison c = rng.nextBoolean() ? Comparison.BIGGER : Comparison.SMALLER;
                    if (o.size() != b.size() && want != null) {
                        boolean bigger = o.size().ordinal() > b.size().ordinal();
                        c = bigger == yes ? Comparison.BIGGER : Comparison.SMALLER;
                    }
                    yield Program.sizeCompare(da, c, db);
                }
                Relation r = Draw.uniform(rng, Relation.values());
                double d = r.horizontal() ? o.x() - b.x() : o.y() - b.y();
                boolean holds = r == Relation.LEFT_OF || r == Relation.ABOVE ? d < 0 : d > 0;
                if (want != null && holds != yes) {
                    r = r.inverse();
                }
                yield Program.spatial(describe(o, null, rng, true), r, describe(b, null, rng, true));
            }
            case COUNT_COMPARE -> {
                Function<SceneObject, ObjectFilter> group = rng.nextInt(3) == 0
                        ? x -> new ObjectFilter(null, x.color(), null, null)
                        : x -> new ObjectFilter(null, null, null, x.shape());
                ObjectFilter a = o == null ? group.apply(randomObject(rng)) : group.apply(o);
                ObjectFilter b = rng.nextInt(5) == 0 || pool.visible.size() < 2
                        ? group.apply(randomObject(rng)) : group.apply(Draw.uniform(rng, pool.visible));
                if (a.equals(b)) {
                    yield null;
                }
                int na = a.select(scene).size();
                int nb = b.select(scene).size();
                Comparison c = rng.nextBoolean() ? Comparison.MORE : Comparison.FEWER;
                if (na != nb && want != null) {
                    c = (na > nb) == yes ? Comparison.MORE : Comparison.FEWER;
                }
                yield Program.countCompare(a, c, b);
            }
            case TEXT_READING -> {
                List<SceneObject> labelled = pool.visible.stream().filter(x -> x.label() != null).toList();
                if (scene.sign() != null && (labelled.isEmpty() || rng.nextBoolean())) {
                    yield Program.plain(f);
                }
                yield labelled.isEmpty() ? null : Program.about(f, describe(Draw.uniform(rng, labelled), null, rng, true));
            }
            case SIGN_COLOR, CLOCK -> Program.plain(f);
            case CHART_VALUE -> Program.chartValue(Draw.uniform(rng, scene.chart().bars()).label());
            case CHART_EXTREME -> Program.chartExtreme(rng.nextBoolean() ? Comparison.TALLEST : Comparison.SHORTEST);
            case CHART_COMPARE -> {
                List<Bar> bars = scene.chart().bars();
                Bar a = Draw.uniform(rng, bars);
                Bar b = Draw.uniform(rng, bars);
                if (a.label().equals(b.label())) {
                    yield null;
                }
                Comparison c = rng.nextBoolean() ? Comparison.HIGHER : Comparison.LOWER;
                if (a.value() != b.value() && want != null) {
                    c = (a.value() > b.value()) == yes ? Comparison.HIGHER : Comparison.LOWER;
                }
                yield Program.chartCompare(a.label(), c, b.label());
            }
        };
    }

    /**
     * A description of {@code o} from a random subset of its attributes, leaving out the one the
     * family asks about; with {@code needNoun} the shape is always named.
     */
    private static ObjectFilter describe(SceneObject o, Family asked, SplittableRandom rng, boolean needNoun) {
        boolean shape = asked != Family.SHAPE && (needNoun || rng.nextInt(4) > 0);
        boolean color = asked != Family.COLOR && rng.nextInt(5) < 3;
        boolean size = asked != Family.SIZE && rng.nextInt(5) == 0;
        boolean fill = asked != Family.FILL && rng.nextInt(5) == 0;
        return new ObjectFilter(size ? o.size() : null, color ? o.color() : null, fill ? o.fill() : null,
                shape ? o.shape() : null);
    }

    private static ObjectFilter negative(Pool pool, Negative kind, SplittableRandom rng) {
        return switch (kind) {
            case RANDOM -> ObjectFilter.of(Draw.uniform(rng, NamedColor.values()), Draw.uniform(rng, ShapeKind.values()));
            case POPULAR -> ObjectFilter.of(Draw.uniform(rng, POPULAR_COLORS), Draw.uniform(rng, POPULAR_SHAPES));
            case ADVERSARIAL -> {
                List<SceneObject> objects = pool.scene.objects();
                if (objects.size() < 2) {
                    // one object: keep its colour or its shape, change the other
                    if (objects.isEmpty()) {
                        yield null;
                    }
                    SceneObject o = objects.get(0);
                    yield rng.nextBoolean() ? ObjectFilter.of(o.color(), otherThan(o.shape(), rng))
                            : ObjectFilter.of(otherColor(o.color(), rng), o.shape());
                }
                SceneObject a = Draw.uniform(rng, objects);
                SceneObject b = Draw.uniform(rng, objects);
                yield ObjectFilter.of(a.color(), b.shape());
            }
        };
    }

    private static ShapeKind otherThan(ShapeKind s, SplittableRandom rng) {
        ShapeKind[] all = ShapeKind.values();
        return all[(s.ordinal() + 1 + rng.nextInt(all.length - 1)) % all.length];
    }

    private static NamedColor otherColor(NamedColor c, SplittableRandom rng) {
        NamedColor[] all = NamedColor.values();
        return all[(c.ordinal() + 1 + rng.nextInt(all.length - 1)) % all.length];
    }

    private static SceneObject randomObject(SplittableRandom rng) {
        return new SceneObject(0, Draw.uniform(rng, ShapeKind.values()), Draw.uniform(rng, NamedColor.values()),
                Draw.uniform(rng, SizeClass.values()), Draw.uniform(rng, Fill.values()), 0, 0.5, 0.5, null);
    }

    private static <E> E[] top(E[] values, double[] weights, int n) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> -weights[i]).thenComparing(i -> i));
        E[] out = java.util.Arrays.copyOf(values, n);
        for (int i = 0; i < n; i++) {
            out[i] = values[idx.get(i)];
        }
        return out;
    }
}
