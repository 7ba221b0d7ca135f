package org.auditdm.world.question;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The placeholders of template patterns, written {@code {name}}. Word slots map a program value to
 * the words the writer uses (the first alternative) and the words the parser accepts (all of them).
 */
enum Slot {
    SUBJECT_THE("subject.the"), SUBJECT_A("subject.a"), SUBJECT_PLURAL("subject.pl"), SUBJECT_BARE("subject.bare"),
    OTHER_THE("other.the"), OTHER_A("other.a"), OTHER_PLURAL("other.pl"),
    /** "the sign" (null subject) or "the" + a singular subject. */
    TARGET("target"),
    COLOR("color"),
    RELATION("relation"),
    CMP_BIGGER("cmp.bigger"), CMP_MORE("cmp.more"), CMP_MORE_LESS("cmp.moreless"), CMP_GREATER_COUNT("cmp.greatercount"),
    CMP_TALLEST("cmp.tallest"), CMP_HIGHEST("cmp.highest"),
    CMP_HIGHER("cmp.higher"), CMP_GREATER("cmp.greater"), CMP_TALLER("cmp.taller"),
    BAR("bar"), OTHER_BAR("otherBar");

    private final String key;

    Slot(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Slot byKey(String key) {
        for (Slot s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown template slot {" + key + "}");
    }

    boolean aboutSubject() {
        return this == SUBJECT_THE || this == SUBJECT_A || this == SUBJECT_PLURAL || this == SUBJECT_BARE
                || this == TARGET;
    }

    boolean aboutOther() {
        return this == OTHER_THE || this == OTHER_A || this == OTHER_PLURAL;
    }

    /** For comparison slots: the accepted words per comparison, canonical first; else null. */
    Map<Comparison, List<String>> comparisonWords() {
        return switch (this) {
            case CMP_BIGGER -> words(Comparison.BIGGER, List.of("bigger", "larger"), Comparison.SMALLER, List.of("smaller"));
            case CMP_MORE -> words(Comparison.MORE, List.of("more"), Comparison.FEWER, List.of("fewer", "less"));
            case CMP_MORE_LESS -> words(Comparison.MORE, List.of("more"), Comparison.FEWER, List.of("less", "fewer"));
            case CMP_GREATER_COUNT -> words(Comparison.MORE, List.of("greater", "larger", "bigger"),
                    Comparison.FEWER, List.of("smaller", "less", "lower"));
            case CMP_TALLEST -> words(Comparison.TALLEST, List.of("tallest", "highest"),
                    Comparison.SHORTEST, List.of("shortest", "lowest"));
            case CMP_HIGHEST -> words(Comparison.TALLEST, List.of("highest", "largest", "greatest"),
                    Comparison.SHORTEST, List.of("lowest", "smallest"));
            case CMP_HIGHER -> words(Comparison.HIGHER, List.of("higher", "taller"), Comparison.LOWER, List.of("lower", "shorter"));
            case CMP_GREATER -> words(Comparison.HIGHER, List.of("greater", "larger", "bigger", "higher"),
                    Comparison.LOWER, List.of("smaller", "less", "lower"));
            case CMP_TALLER -> words(Comparison.HIGHER, List.of("taller", "higher"), Comparison.LOWER, List.of("shorter", "lower"));
            default -> null;
        };
    }

    /** The accepted word sequences per relation, canonical first. */
    static Map<Relation, List<String>> relationWords() {
        Map<Relation, List<String>> m = new EnumMap<>(Relation.class);
        m.put(Relation.LEFT_OF, List.of("to the left of", "on the left of", "left of"));
        m.put(Relation.RIGHT_OF, List.of("to the right of", "on the right of", "right of"));
        m.put(Relation.ABOVE, List.of("above", "over"));
        m.put(Relation.BELOW, List.of("below", "under", "beneath"));
        return m;
    }

    private static Map<Comparison, List<String>> words(Comparison a, List<String> wa, Comparison b, List<String> wb) {
        Map<Comparison, List<String>> m = new EnumMap<>(Comparison.class);
        m.put(a, wa);
        m.put(b, wb);
        return m;
    }
}
