package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.auditdm.api.AnswerJudge;

/**
 * Chooses which labelled examples to keep so that question families ({@link QuestionFamilies}) come in
 * chosen shares, instead of the shares the auditors happened to write. With {@link Weighting#DISAGREEMENT}
 * a family's share follows how often the target's answer differs from the ensemble's agreed label on
 * it: the data goes where the references know more than the target, as the audit's reward does. Only
 * model answers are read (the target's and the label), never the oracle.
 */
public final class FamilyMix {
    /** How family shares are chosen. */
    public enum Weighting {
        /** Keep the examples in the order they came: the auditors' own mix. */
        AS_FOUND,
        /** The same share for every family present. */
        EVEN,
        /**
         * A family's share is proportional to its target-disagreement rate among the candidates, smoothed as
         * (disagreements + 1) / (examples + 2) so that small families keep a little weight.
         */
        DISAGREEMENT;

        /** Parses {@code as-found}, {@code even} or {@code disagreement} (case-insensitive). */
        public static Weighting parse(String s) {
            for (Weighting w : values()) {
                if (w.cliName().equalsIgnoreCase(s.trim())) {
                    return w;
                }
            }
            throw new IllegalArgumentException("unknown family weighting '" + s + "'; use as-found, even or "
                    + "disagreement");
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private FamilyMix() {
    }

    /**
     * The weight of each family present among {@code candidates} (not normalised), in family-name order.
     *
     * @param judge decides whether the target's answer means the label
     */
    public static Map<String, Double> weights(List<RectificationExample> candidates, Weighting weighting,
                                              AnswerJudge judge) {
        Map<String, int[]> counts = new TreeMap<>();
        for (RectificationExample e : candidates) {
            int[] c = counts.computeIfAbsent(e.family(), k -> new int[2]);
            c[0]++;
            if (e.targetAnswer() != null && !judge.same(e.targetAnswer(), e.label())) {
                c[1]++;
            }
        }
        Map<String, Double> w = new LinkedHashMap<>();
        counts.forEach((family, c) -> w.put(family, switch (weighting) {
            case AS_FOUND -> (double) c[0];
            case EVEN -> 1.0;
            case DISAGREEMENT -> (c[1] + 1.0) / (c[0] + 2.0);
        }));
        return w;
    }

    /**
     * Keeps {@code n} of the candidates (all of them when there are fewer), each family's count as near to its
     * weight's share of {@code n} as the candidates allow: a family with too few candidates gives its place
     * to the others, in proportion to their weights. Within a family the earliest candidates are kept, and
     * the result keeps the candidates' order. Deterministic.
     */
    public static List<RectificationExample> select(List<RectificationExample> candidates, int n,
                                                    Map<String, Double> weights) {
        if (candidates.size() <= n) {
            return List.copyOf(candidates);
        }
        List<String> families = candidates.stream().map(RectificationExample::family).toList(); // parsed once
        Map<String, Integer> available = new HashMap<>();
        families.forEach(f -> available.merge(f, 1, Integer::sum));
        Map<String, Integer> quota = quotas(available, n, weights);
        Map<String, Integer> taken = new HashMap<>();
        List<RectificationExample> out = new ArrayList<>(n);
        for (int i = 0; i < candidates.size(); i++) {
            String f = families.get(i);
            if (taken.getOrDefault(f, 0) < quota.getOrDefault(f, 0)) {
                taken.merge(f, 1, Integer::sum);
                out.add(candidates.get(i));
            }
        }
        return out;
    }

    /** Water-filling: shares by weight, capped by what is available, the rest handed on. Sums to min(n, total). */
    static Map<String, Integer> quotas(Map<String, Integer> available, int n, Map<String, Double> weights) {
        Map<String, Integer> quota = new TreeMap<>();
        List<String> open = new ArrayList<>(new TreeMap<>(available).keySet());
        int left = n;
        while (left > 0 && !open.isEmpty()) {
            double total = open.stream().mapToDouble(f -> Math.max(0, weights.getOrDefault(f, 0.0))).sum();
            Map<String, Integer> give = new LinkedHashMap<>();
            int given = 0;
            for (String f : open) {
                double share = total > 0 ? Math.max(0, weights.getOrDefault(f, 0.0)) / total : 1.0 / open.size();
                int room = available.get(f) - quota.getOrDefault(f, 0);
                int g = Math.min(room, (int) Math.floor(share * left));
                give.put(f, g);
                given += g;
            }
            if (given == 0) { // rounding left a few places: one each, largest weight first
                List<String> byWeight = new ArrayList<>(open);
                byWeight.sort(Comparator.comparingDouble((String f) -> -weights.getOrDefault(f, 0.0))
                        .thenComparing(f -> f));
                for (String f : byWeight) {
                    if (given < left && available.get(f) - quota.getOrDefault(f, 0) > 0) {
                        give.merge(f, 1, Integer::sum);
                        given++;
                    }
                }
            }
            give.forEach((f, g) -> quota.merge(f, g, Integer::sum));
            left -= given;
            open.removeIf(f -> quota.getOrDefault(f, 0) >= available.get(f));
        }
        return quota;
    }
}
