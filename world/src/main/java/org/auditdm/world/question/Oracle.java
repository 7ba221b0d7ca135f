package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.text.Lexicon;

/**
 * Executes programs on scene graphs: the exact ground truth of every question.
 *
 * <p>Rules. A question about "the X" needs the matching objects to agree on the answer (one match,
 * or several with the same answer); no match is UNANSWERABLE, disagreeing matches are AMBIGUOUS.
 * An object less than {@value #HIDDEN_BELOW} visible (at {@value #VISIBILITY_SIDE} pixels) is
 * hidden, and a question whose answer depends on a hidden object is AMBIGUOUS. Left/right and
 * above/below compare centres and are AMBIGUOUS within {@value #DEAD_ZONE} of level. Sizes compare
 * by size class, so equal sizes answer "no" to both "bigger" and "smaller". Text must lie fully
 * inside the image to be read. Families asked of the wrong scene kind are UNANSWERABLE.
 *
 * <p>Stateless and thread-safe.
 */
public final class Oracle {
    /** Visible fraction below which an object counts as hidden. */
    public static final double HIDDEN_BELOW = 0.3;
    /** Image side at which visibility is measured: the zoo's input size. */
    public static final int VISIBILITY_SIDE = 64;
    /** Centres closer than this (normalised) along the compared axis are too level to call. */
    public static final double DEAD_ZONE = 0.05;

    public OracleAnswer answer(Scene scene, Program p) {
        if (!p.family().appliesTo(scene.kind())) {
            return OracleAnswer.unanswerable("a " + familyWord(p.family()) + " question needs "
                    + kinds(p.family()) + ", but this is " + sceneWord(scene.kind()));
        }
        return new Run(scene).answer(p);
    }

    /** True when at most {@value #HIDDEN_BELOW} of the object shows. */
    public static boolean hidden(Scene scene, SceneObject o) {
        return Geometry.visibleFraction(scene, o, VISIBILITY_SIDE) < HIDDEN_BELOW;
    }

    private static String familyWord(Family f) {
        return f.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String kinds(Family f) {
        return String.join(" or ", f.kinds().stream().sorted().map(Oracle::sceneWord).toList());
    }

    private static String sceneWord(SceneKind k) {
        return k == SceneKind.OBJECTS ? "an object scene" : "a " + k.word() + " scene";
    }

    /** One question on one scene, with visibility computed lazily and once per object. */
    private static final class Run {
        private final Scene scene;
        private final Map<Integer, Boolean> hidden = new HashMap<>();

        Run(Scene scene) {
            this.scene = scene;
        }

        boolean hidden(SceneObject o) {
            return hidden.computeIfAbsent(o.id(), id -> Oracle.hidden(scene, o));
        }

        OracleAnswer answer(Program p) {
            ObjectFilter s = p.subject();
            return switch (p.family()) {
                case EXISTENCE -> existence(s);
                case COUNT, COUNT_ATTRIBUTE -> count(s.select(scene), s.phrase(true));
                case NEGATION -> count(s.select(scene).stream().filter(o -> o.color() != p.color()).toList(),
                        s.phrase(true) + " that are not " + p.color().word());
                case UNIQUENESS -> uniqueness(s);
                case COLOR_COUNT -> colorCount(s);
                case COLOR -> the(s, o -> o.color().word(), "of different colours");
                case SHAPE -> the(s, o -> o.shape().word(), "of different shapes");
                case SIZE -> the(s, o -> o.size().word(), "of different sizes");
                case FILL -> the(s, o -> o.fill().word(), "with different fills");
                case POSITION -> the(s, o -> o.region().words(), "in different places");
                case BINDING -> the(s, o -> o.shape() == p.other().shape() ? "yes" : "no", "of different shapes");
                case SIZE_COMPARE -> sizeCompare(p);
                case SPATIAL -> spatial(p);
                case COUNT_COMPARE -> countCompare(p);
                case TEXT_READING -> s == null ? readSign() : readLabel(s);
                case SIGN_COLOR -> scene.sign() == null ? OracleAnswer.unanswerable("no sign in the scene")
                        : OracleAnswer.of(scene.sign().boardColor().word());
                case CHART_VALUE -> chartValue(scene.chart(), p.bar());
                case CHART_EXTREME -> chartExtreme(scene.chart(), p.comparison());
                case CHART_COMPARE -> chartCompare(scene.chart(), p);
                case CLOCK -> OracleAnswer.of(scene.clock().time());
            };
        }

        private OracleAnswer existence(ObjectFilter s) {
            List<SceneObject> m = s.select(scene);
            if (m.isEmpty()) {
                return OracleAnswer.yesNo(false);
            }
            if (m.stream().allMatch(this::hidden)) {
                return OracleAnswer.ambiguous(onlyHidden(s, m.size()));
            }
            return OracleAnswer.yesNo(true);
        }

        private OracleAnswer count(List<SceneObject> counted, String what) {
            if (counted.stream().anyMatch(this::hidden)) {
                return OracleAnswer.ambiguous("one of the " + counted.size() + " " + what + " is mostly hidden");
            }
            return OracleAnswer.of(Integer.toString(counted.size()));
        }

        private OracleAnswer uniqueness(ObjectFilter s) {
            List<SceneObject> m = s.select(scene);
            if (m.stream().anyMatch(this::hidden)) {
                return OracleAnswer.ambiguous("a " + s.phrase(false) + " is mostly hidden");
            }
            return OracleAnswer.yesNo(m.size() == 1);
        }

        private OracleAnswer colorCount(ObjectFilter s) {
            List<SceneObject> m = s.select(scene);
            if (m.isEmpty()) {
                return OracleAnswer.unanswerable("no " + s.phrase(true) + " in the scene");
            }
            if (m.stream().anyMatch(this::hidden)) {
                return OracleAnswer.ambiguous("one of the " + s.phrase(true) + " is mostly hidden");
            }
            return OracleAnswer.of(Long.toString(m.stream().map(SceneObject::color).distinct().count()));
        }

        /**
         * A question about "the X": answers of all matches must agree, and a match that is not
         * hidden must exist.
         */
        private OracleAnswer the(ObjectFilter s, Function<SceneObject, String> answerOf, String differ) {
            List<SceneObject> m = s.select(scene);
            if (m.isEmpty()) {
                return OracleAnswer.unanswerable("no " + s.phrase(false) + " in the scene");
            }
            if (m.stream().allMatch(this::hidden)) {
                return OracleAnswer.ambiguous(onlyHidden(s, m.size()));
            }
            Set<String> answers = new LinkedHashSet<>();
            m.forEach(o -> answers.add(answerOf.apply(o)));
            if (answers.size() > 1) {
                boolean anyHidden = m.stream().anyMatch(this::hidden);
                return OracleAnswer.ambiguous(Lexicon.numberWord(m.size()) + " " + s.phrase(true) + " " + differ
                        + (anyHidden ? " (some mostly hidden)" : ""));
            }
            return OracleAnswer.of(answers.iterator().next());
        }

        private String onlyHidden(ObjectFilter s, int n) {
            return n == 1 ? "the only " + s.phrase(false) + " is mostly hidden"
                    : "all " + Lexicon.numberWord(n) + " " + s.phrase(true) + " are mostly hidden";
        }

        private OracleAnswer sizeCompare(Program p) {
            OracleAnswer a = the(p.subject(), o -> o.size().word(), "of different sizes");
            OracleAnswer b = the(p.other(), o -> o.size().word(), "of different sizes");
            if (!a.isAnswer()) {
                return a;
            }
            if (!b.isAnswer()) {
                return b;
            }
            List<SceneObject> sa = p.subject().select(scene);
            List<SceneObject> sb = p.other().select(scene);
            if (sa.size() == 1 && sb.size() == 1 && sa.get(0).id() == sb.get(0).id()) {
                return OracleAnswer.unanswerable(sameObject(p));
            }
            int cmp = Integer.compare(sizeOrdinal(a.answer()), sizeOrdinal(b.answer()));
            return OracleAnswer.yesNo(p.comparison() == Comparison.BIGGER ? cmp > 0 : cmp < 0);
        }

        private static int sizeOrdinal(String word) {
            return org.auditdm.world.scene.SizeClass.valueOf(word.toUpperCase(Locale.ROOT)).ordinal();
        }

        private static String sameObject(Program p) {
            return "the " + p.subject().phrase(false) + " and the " + p.other().phrase(false) + " are the same object";
        }

        private OracleAnswer spatial(Program p) {
            List<SceneObject> sa = p.subject().select(scene);
            List<SceneObject> sb = p.other().select(scene);
            if (sa.isEmpty()) {
                return OracleAnswer.unanswerable("no " + p.subject().phrase(false) + " in the scene");
            }
            if (sb.isEmpty()) {
                return OracleAnswer.unanswerable("no " + p.other().phrase(false) + " in the scene");
            }
            Relation r = p.relation();
            Set<String> answers = new LinkedHashSet<>();
            boolean anyPair = false;
            boolean anyVisiblePair = false;
            for (SceneObject a : sa) {
                for (SceneObject b : sb) {
                    if (a.id() == b.id()) {
                        continue;
                    }
                    anyPair = true;
                    anyVisiblePair |= !hidden(a) && !hidden(b);
                    double d = r.horizontal() ? a.x() - b.x() : a.y() - b.y();
                    if (Math.abs(d) < DEAD_ZONE) {
                        return OracleAnswer.ambiguous("the " + p.subject().phrase(false) + " and the "
                                + p.other().phrase(false) + " are almost level "
                                + (r.horizontal() ? "left to right" : "top to bottom"));
                    }
                    boolean holds = switch (r) {
                        case LEFT_OF, ABOVE -> d < 0;
                        case RIGHT_OF, BELOW -> d > 0;
                    };
                    answers.add(holds ? "yes" : "no");
                }
            }
            if (!anyPair) {
                return OracleAnswer.unanswerable(sameObject(p));
            }
            if (!anyVisiblePair) {
                return OracleAnswer.ambiguous("the " + p.subject().phrase(false) + " or the "
                        + p.other().phrase(false) + " is mostly hidden");
            }
            if (answers.size() > 1) {
                return OracleAnswer.ambiguous("the answer differs between the " + sa.size() + " "
                        + p.subject().phrase(sa.size() > 1) + " and the " + sb.size() + " "
                        + p.other().phrase(sb.size() > 1));
            }
            return OracleAnswer.of(answers.iterator().next());
        }

        private OracleAnswer countCompare(Program p) {
            List<SceneObject> sa = p.subject().select(scene);
            List<SceneObject> sb = p.other().select(scene);
            Predicate<SceneObject> h = this::hidden;
            if (sa.stream().anyMatch(h) || sb.stream().anyMatch(h)) {
                return OracleAnswer.ambiguous("one of the " + p.subject().phrase(true) + " or "
                        + p.other().phrase(true) + " is mostly hidden");
            }
            int cmp = Integer.compare(sa.size(), sb.size());
            return OracleAnswer.yesNo(p.comparison() == Comparison.MORE ? cmp > 0 : cmp < 0);
        }

        private OracleAnswer readSign() {
            Sign sign = scene.sign();
            if (sign == null) {
                return OracleAnswer.unanswerable("no sign in the scene");
            }
            if (!Geometry.inside(Geometry.text(sign, VISIBILITY_SIDE), VISIBILITY_SIDE)) {
                return OracleAnswer.unanswerable("the sign's text is cut off by the image edge");
            }
            return OracleAnswer.of(sign.text().toLowerCase(Locale.ROOT));
        }

        private OracleAnswer readLabel(ObjectFilter s) {
            String cut = "\u0000cut";
            String none = "\u0000none";
            OracleAnswer a = the(s, o -> o.label() == null ? none
                    : Geometry.inside(Geometry.outline(o, VISIBILITY_SIDE), VISIBILITY_SIDE)
                        ? o.label().toLowerCase(Locale.ROOT) : cut, "with different labels");
            if (!a.isAnswer()) {
                return a;
            }
            if (a.answer().equals(none)) {
                return OracleAnswer.unanswerable("nothing is written on the " + s.phrase(false));
            }
            if (a.answer().equals(cut)) {
                return OracleAnswer.unanswerable("the label of the " + s.phrase(false) + " is cut off by the image edge");
            }
            return a;
        }

        private static OracleAnswer chartValue(Chart chart, String label) {
            return chart.bar(label).map(b -> OracleAnswer.of(Integer.toString(b.value())))
                    .orElseGet(() -> OracleAnswer.unanswerable("the chart has no bar " + label));
        }

        private static OracleAnswer chartExtreme(Chart chart, Comparison c) {
            int best = c == Comparison.TALLEST ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            List<String> at = new ArrayList<>();
            for (Bar b : chart.bars()) {
                boolean better = c == Comparison.TALLEST ? b.value() > best : b.value() < best;
                if (better) {
                    best = b.value();
                    at.clear();
                }
                if (b.value() == best) {
                    at.add(b.label());
                }
            }
            if (at.size() > 1) {
                return OracleAnswer.ambiguous("bars " + String.join(" and ", at) + " tie for the "
                        + (c == Comparison.TALLEST ? "tallest" : "shortest"));
            }
            return OracleAnswer.of(at.get(0).toLowerCase(Locale.ROOT));
        }

        private static OracleAnswer chartCompare(Chart chart, Program p) {
            var a = chart.bar(p.bar());
            var b = chart.bar(p.otherBar());
            if (a.isEmpty()) {
                return OracleAnswer.unanswerable("the chart has no bar " + p.bar());
            }
            if (b.isEmpty()) {
                return OracleAnswer.unanswerable("the chart has no bar " + p.otherBar());
            }
            int cmp = Integer.compare(a.get().value(), b.get().value());
            return OracleAnswer.yesNo(p.comparison() == Comparison.HIGHER ? cmp > 0 : cmp < 0);
        }
    }
}
