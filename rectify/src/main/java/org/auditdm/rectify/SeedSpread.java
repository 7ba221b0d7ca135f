package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.bench.SuiteScores;

/**
 * Several fine-tunes of one data set that differ only in the fine-tuning seed (batch order and replay draws):
 * what one fine-tune's suite scores owe to chance. With one seed, a gain of a point can be the seed's.
 *
 * <p>{@link #pooled} scores the row of the table as all seeds' answers together (each suite's correct and
 * total summed, so the rate is the mean over seeds and the Wilson interval counts every answer); the
 * spread between the seeds is reported beside it ({@link #describe}, {@link #lines}), and comparisons
 * between two data sets are paired by seed (same seed, same batch order).
 */
public final class SeedSpread {
    private SeedSpread() {
    }

    /** The seeds' scores on the same items as one row: per suite, correct and total summed. */
    public static SuiteScores pooled(String model, List<SuiteScores> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no scores to pool");
        }
        if (seeds.size() == 1) {
            return seeds.get(0);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        int missing = 0;
        for (SuiteScores s : seeds) {
            missing += s.missing();
            s.bySuite().forEach((suite, a) -> {
                int[] c = counts.computeIfAbsent(suite, k -> new int[2]);
                c[0] += a.correct();
                c[1] += a.total();
            });
        }
        Map<String, Accuracy> bySuite = new LinkedHashMap<>();
        counts.forEach((suite, c) -> bySuite.put(suite, Accuracy.of(c[0], c[1])));
        double average = bySuite.values().stream().mapToDouble(Accuracy::rate).average().orElse(Double.NaN);
        return new SuiteScores(model, bySuite, average, missing);
    }

    /** Mean of the values. */
    public static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1); NaN for fewer than two values. */
    public static double sd(List<Double> xs) {
        if (xs.size() < 2) {
            return Double.NaN;
        }
        double m = mean(xs);
        double ss = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
        return Math.sqrt(ss / (xs.size() - 1));
    }

    /** {@code a[i] - b[i]} for each seed. */
    public static List<Double> paired(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("paired by seed needs as many values: " + a.size() + " vs " + b.size());
        }
        List<Double> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i) - b.get(i));
        }
        return out;
    }

    /**
     * The JSON part: the seeds, each fine-tuned row's per-seed suite averages with their mean and standard
     * deviation, and each other row's paired difference to {@code reference} (fractions).
     */
    public static Map<String, Object> describe(List<Long> seeds, Map<String, List<Double>> averages, String reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fineTuneSeeds", seeds);
        Map<String, Object> rows = new LinkedHashMap<>();
        averages.forEach((row, xs) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("averages", xs);
            r.put("mean", mean(xs));
            r.put("sd", nanSafe(sd(xs)));
            if (!row.equals(reference) && averages.containsKey(reference)) {
                List<Double> d = paired(averages.get(reference), xs);
                r.put("pairedDifference", Map.of("of", reference, "bySeed", d, "mean", mean(d),
                        "positive", d.stream().filter(x -> x > 0).count()));
            }
            rows.put(row, r);
        });
        m.put("rows", rows);
        return m;
    }

    /** Printable lines (percentage points); none for a single seed. */
    public static List<String> lines(List<Long> seeds, Map<String, List<Double>> averages, String reference) {
        List<String> out = new ArrayList<>();
        if (seeds.size() < 2) {
            return out;
        }
        out.add("fine-tune seeds " + join(seeds.stream().map(String::valueOf).toList())
                + " (rows above pool them; suite averages per seed):");
        averages.forEach((row, xs) -> out.add(String.format(Locale.ROOT, "  %s: %s (mean %.1f, sd %.1f)", row,
                points(xs, false), 100 * mean(xs), 100 * sd(xs))));
        List<Double> ref = averages.get(reference);
        if (ref != null) {
            averages.forEach((row, xs) -> {
                if (!row.equals(reference)) {
                    List<Double> d = paired(ref, xs);
                    out.add(String.format(Locale.ROOT, "  %s - %s, same seed: %s (mean %+.1f; ahead on %d of %d seeds)",
                            reference, row, points(d, true), 100 * mean(d), d.stream().filter(x -> x > 0).count(),
                            d.size()));
                }
            });
        }
        return out;
    }

    private static String points(List<Double> xs, boolean signed) {
        return join(xs.stream().map(x -> String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", 100 * x)).toList());
    }

    private static String join(List<String> xs) {
        return String.join(", ", xs);
    }

    private static Object nanSafe(double v) {
        return Double.isNaN(v) ? "n/a" : v;
    }
}
