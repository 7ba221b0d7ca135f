package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/**
 * The closed, ordered vocabulary of canonical answers the oracle gives on sampled scenes: yes/no,
 * counts 0-12, colours, shapes, sizes, fills, regions, bar letters, every clock time, sign words
 * and object labels. Models use the index as their output class; the order never changes for a
 * given version of the world.
 */
public final class AnswerSpace {
    private static final List<String> ANSWERS = build();
    private static final Map<String, Integer> INDEX = index(ANSWERS);

    private AnswerSpace() {
    }

    private static List<String> build() {
        Set<String> a = new LinkedHashSet<>();
        a.add("yes");
        a.add("no");
        for (int n = 0; n <= Limits.MAX_OBJECTS; n++) {
            a.add(Integer.toString(n));
        }
        for (int n = 0; n <= Limits.MAX_BAR_VALUE; n++) {
            a.add(Integer.toString(n));
        }
        for (NamedColor c : NamedColor.values()) {
            a.add(c.word());
        }
        for (ShapeKind s : ShapeKind.values()) {
            a.add(s.word());
        }
        for (SizeClass s : SizeClass.values()) {
            a.add(s.word());
        }
        for (Fill f : Fill.values()) {
            a.add(f.word());
        }
        for (Region r : Region.values()) {
            a.add(r.words());
        }
        for (int i = 0; i < Limits.MAX_BARS; i++) {
            a.add(String.valueOf((char) ('a' + i)));
        }
        for (int h = 1; h <= 12; h++) {
            for (int m = 0; m < 60; m++) {
                a.add(h + ":" + (m < 10 ? "0" : "") + m);
            }
        }
        for (String w : SceneSampler.SIGN_WORDS) {
            a.add(w.toLowerCase(Locale.ROOT));
        }
        for (char c : SceneSampler.LABEL_CHARS.toCharArray()) {
            a.add(String.valueOf(c).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(new ArrayList<>(a));
    }

    private static Map<String, Integer> index(List<String> answers) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            m.put(answers.get(i), i);
        }
        return Map.copyOf(m);
    }

    /** Every answer, in index order. */
    public static List<String> answers() {
        return ANSWERS;
    }

    public static int size() {
        return ANSWERS.size();
    }

    /** The index of a canonical answer, or -1 when it is outside the space. */
    public static int indexOf(String answer) {
        Integer i = answer == null ? null : INDEX.get(answer);
        return i == null ? -1 : i;
    }

    public static boolean contains(String answer) {
        return indexOf(answer) >= 0;
    }

    /** The answer at an index. */
    public static String answer(int index) {
        if (index < 0 || index >= ANSWERS.size()) {
            throw new IllegalArgumentException("answer index " + index + " is outside [0, " + ANSWERS.size() + ")");
        }
        return ANSWERS.get(index);
    }
}
