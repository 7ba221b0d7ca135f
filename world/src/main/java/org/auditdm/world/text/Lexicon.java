package org.auditdm.world.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/**
 * The English words of the world and their synonyms, shared by the caption, edit and question
 * parsers so that all three understand the same vocabulary.
 */
public final class Lexicon {
    private static final String[] NUMBER_WORDS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
    };

    private static final Map<String, NamedColor> COLORS = new HashMap<>();
    private static final Map<String, ShapeKind> SHAPES = new HashMap<>();
    private static final Map<String, ShapeKind> SHAPE_PLURALS = new HashMap<>();
    private static final Map<String, SizeClass> SIZES = new HashMap<>();
    private static final Map<String, Fill> FILLS = new HashMap<>();

    static {
        for (NamedColor c : NamedColor.values()) {
            COLORS.put(c.word(), c);
        }
        COLORS.put("grey", NamedColor.GRAY);
        COLORS.put("violet", NamedColor.PURPLE);
        for (ShapeKind s : ShapeKind.values()) {
            SHAPES.put(s.word(), s);
            SHAPE_PLURALS.put(s.plural(), s);
        }
        SIZES.put("small", SizeClass.SMALL);
        SIZES.put("tiny", SizeClass.SMALL);
        SIZES.put("little", SizeClass.SMALL);
        SIZES.put("medium", SizeClass.MEDIUM);
        SIZES.put("medium-sized", SizeClass.MEDIUM);
        SIZES.put("large", SizeClass.LARGE);
        SIZES.put("big", SizeClass.LARGE);
        FILLS.put("solid", Fill.SOLID);
        FILLS.put("filled", Fill.SOLID);
        FILLS.put("striped", Fill.STRIPED);
        FILLS.put("outline", Fill.OUTLINE);
        FILLS.put("outlined", Fill.OUTLINE);
        FILLS.put("hollow", Fill.OUTLINE);
    }

    private Lexicon() {
    }

    public static Optional<NamedColor> color(String word) {
        return Optional.ofNullable(COLORS.get(lower(word)));
    }

    /** A shape noun, singular. */
    public static Optional<ShapeKind> shape(String word) {
        return Optional.ofNullable(SHAPES.get(lower(word)));
    }

    /** A shape noun, plural. */
    public static Optional<ShapeKind> shapePlural(String word) {
        return Optional.ofNullable(SHAPE_PLURALS.get(lower(word)));
    }

    public static Optional<SizeClass> size(String word) {
        return Optional.ofNullable(SIZES.get(lower(word)));
    }

    public static Optional<Fill> fill(String word) {
        return Optional.ofNullable(FILLS.get(lower(word)));
    }

    /** "zero" to "twelve", digits, and "a"/"an"/"no" as 1/1/0. */
    public static Optional<Integer> number(String word) {
        String w = lower(word);
        if (!w.isEmpty() && w.length() <= 3 && w.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(w));
        }
        if (w.equals("a") || w.equals("an")) {
            return Optional.of(1);
        }
        if (w.equals("no")) {
            return Optional.of(0);
        }
        for (int i = 0; i < NUMBER_WORDS.length; i++) {
            if (NUMBER_WORDS[i].equals(w)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The English word for 0-12, digits beyond. */
    public static String numberWord(int n) {
        return n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : Integer.toString(n);
    }

    /** Whether a word names anything in this lexicon; used to suggest fixes for typos. */
    public static boolean known(String word) {
        String w = lower(word);
        return COLORS.containsKey(w) || SHAPES.containsKey(w) || SHAPE_PLURALS.containsKey(w)
                || SIZES.containsKey(w) || FILLS.containsKey(w) || number(w).isPresent();
    }

    /**
     * The closest known colour, shape, size or fill word within edit distance 2, for "did you
     * mean" hints.
     */
    public static Optional<String> suggest(String word) {
        String w = lower(word);
        String best = null;
        int bestD = 3;
        for (Map<String, ?> m : java.util.List.of(COLORS, SHAPES, SHAPE_PLURALS, SIZES, FILLS)) {
            for (String k : m.keySet()) {
                int d = distance(w, k);
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Parses the words of a region ("top left", "upper left", "middle", "centre", ...). */
    public static Optional<Region> region(Tokens t) {
        int m = t.mark();
        Token a = t.peek();
        if (a == null) {
            return Optional.empty();
        }
        String v = switch (a.lower()) {
            case "top", "upper" -> "top";
            case "bottom", "lower" -> "bottom";
            case "center", "centre", "middle" -> "center";
            case "left" -> "left";
            case "right" -> "right";
            default -> null;
        };
        if (v == null) {
            return Optional.empty();
        }
        t.next();
        if (v.equals("top") || v.equals("bottom")) {
            t.accept("-");
            Token b = t.peek();
            if (b != null && (b.is("left") || b.is("right"))) {
                t.next();
                return Optional.of(Region.valueOf((v + "_" + b.lower()).toUpperCase(Locale.ROOT)));
            }
        }
        if (v.equals("center")) {
            return Optional.of(Region.CENTER);
        }
        Region r = Region.valueOf(v.toUpperCase(Locale.ROOT));
        if (r == null) {
            t.reset(m);
            return Optional.empty();
        }
        return Optional.of(r);
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    private static String lower(String w) {
        return w == null ? "" : w.toLowerCase(Locale.ROOT);
    }
}
