package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.bench.SuiteScores;

/**
 * Models by suites: accuracy with a 95% interval per cell, plus the suite average.
 *
 * <p>The average is the unweighted mean of the suite accuracies; its interval is the normal
 * approximation with the sum of the suites' binomial variances (suites are independent samples):
 * {@code mean +- 1.96 * sqrt(sum p_i (1 - p_i) / n_i) / k}.
 *
 * @param suites column order (without "average")
 * @param rows model name to its cells, in row order; each row has every suite and {@value #AVERAGE}
 */
public record BenchTable(List<String> suites, Map<String, Map<String, Cell>> rows) {
    public static final String AVERAGE = "average";

    /** One cell, as fractions. */
    public record Cell(double rate, double low, double high) {
        static Cell of(Accuracy a) {
            return new Cell(a.rate(), a.low(), a.high());
        }

        String percent() {
            return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * rate, 100 * low, 100 * high);
        }
    }

    public BenchTable {
        suites = List.copyOf(suites);
        Map<String, Map<String, Cell>> copy = new LinkedHashMap<>();
        rows.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        rows = java.util.Collections.unmodifiableMap(copy);
    }

    /** Builds the table from named scores (row name to scores), in the given order. */
    public static BenchTable of(Map<String, SuiteScores> scores) {
        List<String> suites = new ArrayList<>();
        Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, SuiteScores> e : scores.entrySet()) {
            Map<String, Cell> row = new LinkedHashMap<>();
            double sum = 0;
            double var = 0;
            for (Map.Entry<String, Accuracy> s : e.getValue().bySuite().entrySet()) {
                if (!suites.contains(s.getKey())) {
                    suites.add(s.getKey());
                }
                Accuracy a = s.getValue();
                row.put(s.getKey(), Cell.of(a));
                sum += a.rate();
                var += a.total() == 0 ? 0 : a.rate() * (1 - a.rate()) / a.total();
            }
            int k = e.getValue().bySuite().size();
            double mean = sum / k;
            double half = 1.96 * Math.sqrt(var) / k;
            row.put(AVERAGE, new Cell(mean, Math.max(0, mean - half), Math.min(1, mean + half)));
            rows.put(e.getKey(), row);
        }
        return new BenchTable(suites, rows);
    }

    /** A markdown table: suites as rows (16 suites do not fit across), models as columns. */
    public List<String> markdown() {
        List<String> out = new ArrayList<>();
        List<String> models = new ArrayList<>(rows.keySet());
        out.add("| suite | " + String.join(" | ", models) + " |");
        out.add("|---" + "|---".repeat(models.size()) + "|");
        for (String s : suites) {
            StringBuilder sb = new StringBuilder("| " + s + " |");
            for (String m : models) {
                sb.append(' ').append(rows.get(m).get(s).percent()).append(" |");
            }
            out.add(sb.toString());
        }
        StringBuilder avg = new StringBuilder("| **average** |");
        for (String m : models) {
            avg.append(String.format(Locale.ROOT, " **%.1f** [%.1f, %.1f] |", 100 * rows.get(m).get(AVERAGE).rate(),
                    100 * rows.get(m).get(AVERAGE).low(), 100 * rows.get(m).get(AVERAGE).high()));
        }
        out.add(avg.toString());
        return out;
    }

    /** Suites where {@code model} beats {@code baseline}: by point estimate, and with disjoint intervals. */
    public Improvement improvement(String model, String baseline) {
        int better = 0;
        int significant = 0;
        int worse = 0;
        for (String s : suites) {
            Cell m = rows.get(model).get(s);
            Cell b = rows.get(baseline).get(s);
            if (m.rate() > b.rate()) {
                better++;
                if (m.low() > b.high()) {
                    significant++;
                }
            } else if (m.rate() < b.rate()) {
                worse++;
            }
        }
        return new Improvement(model, baseline, better, significant, worse, suites.size(),
                rows.get(model).get(AVERAGE).rate() - rows.get(baseline).get(AVERAGE).rate());
    }

    /**
     * @param improved suites with a higher accuracy
     * @param significantlyImproved suites whose intervals do not overlap (conservative)
     * @param worse suites with a lower accuracy
     * @param averageGain difference of the averages (fraction)
     */
    public record Improvement(String model, String baseline, int improved, int significantlyImproved, int worse,
                              int suites, double averageGain) {
    }
}
