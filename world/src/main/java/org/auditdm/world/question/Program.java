package org.auditdm.world.question;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Objects;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;

/**
 * A question as a typed program: its family plus the arguments the family needs. Unused arguments
 * are null, and the compact constructor checks that each family gets exactly what it needs, so an
 * invalid program cannot exist.
 *
 * @param subject the object(s) asked about; for {@link Family#TEXT_READING} null means the sign
 * @param other the second object(s) of comparisons and relations; for {@link Family#BINDING} the
 *     shape asked about
 * @param relation for {@link Family#SPATIAL}
 * @param comparison for size, count and chart comparisons and chart superlatives
 * @param color the excluded colour of {@link Family#NEGATION}
 * @param bar the bar label (one upper-case letter) of chart questions
 * @param otherBar the second bar of {@link Family#CHART_COMPARE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Program(Family family, ObjectFilter subject, ObjectFilter other, Relation relation,
                      Comparison comparison, NamedColor color, String bar, String otherBar) {

    public Program {
        Objects.requireNonNull(family, "family");
        bar = bar == null ? null : bar.toUpperCase(Locale.ROOT);
        otherBar = otherBar == null ? null : otherBar.toUpperCase(Locale.ROOT);
        new Check(family, subject, other, relation, comparison, color, bar, otherBar).run();
    }

    /** A program of a family that takes only a subject. */
    public static Program about(Family family, ObjectFilter subject) {
        return new Program(family, subject, null, null, null, null, null, null);
    }

    /** A program of a family that takes no arguments (clock, sign colour, sign reading). */
    public static Program plain(Family family) {
        return new Program(family, null, null, null, null, null, null, null);
    }

    public static Program spatial(ObjectFilter subject, Relation relation, ObjectFilter other) {
        return new Program(Family.SPATIAL, subject, other, relation, null, null, null, null);
    }

    public static Program sizeCompare(ObjectFilter subject, Comparison c, ObjectFilter other) {
        return new Program(Family.SIZE_COMPARE, subject, other, null, c, null, null, null);
    }

    public static Program countCompare(ObjectFilter subject, Comparison c, ObjectFilter other) {
        return new Program(Family.COUNT_COMPARE, subject, other, null, c, null, null, null);
    }

    /** "is the {subject} a {shape}?": {@code shape} is a filter with only the shape set. */
    public static Program binding(ObjectFilter subject, ObjectFilter shape) {
        return new Program(Family.BINDING, subject, shape, null, null, null, null, null);
    }

    public static Program negation(ObjectFilter subject, NamedColor excluded) {
        return new Program(Family.NEGATION, subject, null, null, null, excluded, null, null);
    }

    public static Program chartValue(String bar) {
        return new Program(Family.CHART_VALUE, null, null, null, null, null, bar, null);
    }

    public static Program chartExtreme(Comparison c) {
        return new Program(Family.CHART_EXTREME, null, null, null, c, null, null, null);
    }

    public static Program chartCompare(String bar, Comparison c, String otherBar) {
        return new Program(Family.CHART_COMPARE, null, null, null, c, null, bar, otherBar);
    }

    /** Per-family argument rules. */
    private record Check(Family family, ObjectFilter subject, ObjectFilter other, Relation relation,
                         Comparison comparison, NamedColor color, String bar, String otherBar) {
        void run() {
            switch (family) {
                case EXISTENCE, UNIQUENESS, POSITION -> only(true, false, false, false, false, false);
                case COUNT -> {
                    only(true, false, false, false, false, false);
                    rule(subject.size() == null && subject.color() == null && subject.fill() == null,
                            "counts objects by shape only; use COUNT_ATTRIBUTE for colour, size or fill");
                }
                case COUNT_ATTRIBUTE -> {
                    only(true, false, false, false, false, false);
                    rule(subject.size() != null || subject.color() != null || subject.fill() != null,
                            "needs a colour, size or fill to count by");
                }
                case COLOR, COLOR_COUNT -> {
                    only(true, false, false, false, false, false);
                    rule(subject.color() == null, "asks for colour, so its subject must not name one");
                }
                case SHAPE -> {
                    only(true, false, false, false, false, false);
                    rule(subject.shape() == null, "asks for the shape, so its subject must not name one");
                }
                case SIZE -> {
                    only(true, false, false, false, false, false);
                    rule(subject.size() == null, "asks for the size, so its subject must not name one");
                }
                case FILL -> {
                    only(true, false, false, false, false, false);
                    rule(subject.fill() == null, "asks for the fill, so its subject must not name one");
                }
                case SIZE_COMPARE -> {
                    only(true, true, false, true, false, false);
                    rule(comparison == Comparison.BIGGER || comparison == Comparison.SMALLER,
                            "compares with BIGGER or SMALLER, not " + comparison);
                }
                case SPATIAL -> only(true, true, true, false, false, false);
                case COUNT_COMPARE -> {
                    only(true, true, false, true, false, false);
                    rule(comparison == Comparison.MORE || comparison == Comparison.FEWER,
                            "compares with MORE or FEWER, not " + comparison);
                    rule(!subject.equals(other), "compares a group with itself");
                }
                case BINDING -> {
                    only(true, true, false, false, false, false);
                    rule(subject.shape() == null && !subject.isAny(),
                            "describes its subject by colour, size or fill but not by shape");
                    rule(other.shape() != null && other.specificity() == 1, "asks about exactly one shape");
                }
                case NEGATION -> {
                    only(true, false, false, false, true, false);
                    rule(subject.color() == null, "excludes a colour, so its subject must not name one");
                }
                case TEXT_READING -> only(subject != null, false, false, false, false, false);
                case SIGN_COLOR, CLOCK -> only(false, false, false, false, false, false);
                case CHART_VALUE -> {
                    only(false, false, false, false, false, true);
                    rule(otherBar == null, "takes one bar");
                }
                case CHART_EXTREME -> {
                    only(false, false, false, true, false, false);
                    rule(comparison == Comparison.TALLEST || comparison == Comparison.SHORTEST,
                            "asks for TALLEST or SHORTEST, not " + comparison);
                }
                case CHART_COMPARE -> {
                    only(false, false, false, true, false, true);
                    rule(otherBar != null && otherBar.matches("[A-Z]"), "needs a second bar label A-Z");
                    rule(!bar.equals(otherBar), "compares bar " + bar + " with itself");
                    rule(comparison == Comparison.HIGHER || comparison == Comparison.LOWER,
                            "compares with HIGHER or LOWER, not " + comparison);
                }
                default -> throw new AssertionError(family);
            }
        }

        private void only(boolean subj, boolean oth, boolean rel, boolean cmp, boolean col, boolean b) {
            need("subject", subject != null, subj);
            need("other", other != null, oth);
            need("relation", relation != null, rel);
            need("comparison", comparison != null, cmp);
            need("color", color != null, col);
            need("bar", bar != null, b);
            if (family != Family.CHART_COMPARE) {
                need("otherBar", otherBar != null, false);
            }
            if (b) {
                rule(bar.matches("[A-Z]"), "needs a bar label A-Z, got '" + bar + "'");
            }
        }

        private void need(String what, boolean present, boolean wanted) {
            if (present != wanted) {
                throw new IllegalArgumentException(family + (wanted ? " needs " : " does not take ") + "a " + what);
            }
        }

        private void rule(boolean ok, String problem) {
            if (!ok) {
                throw new IllegalArgumentException(family + " " + problem);
            }
        }
    }
}
