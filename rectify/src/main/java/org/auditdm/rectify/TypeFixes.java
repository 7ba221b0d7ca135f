package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.auditdm.failures.FailureTypeFinder;
import org.auditdm.failures.Recheck;
import org.auditdm.world.bench.Accuracy;

/**
 * Whether a fine-tune fixed the audit's validated failure types: each type re-validated with the fine-tuned
 * target on the run's own fresh probes ({@link Recheck}), before and after, by the ensemble's consensus and by
 * the oracle (evaluation only). The suites measure broad skills; this measures what the data was aimed at, so
 * that aimed data can be told from more data at the level the audit works at.
 */
public final class TypeFixes {
    /** Fresh probes per type, as in the run's own re-validation ({@code auditdm types}). */
    public static final int PROBES = FailureTypeFinder.Settings.defaults(0).probesPerType();

    private TypeFixes() {
    }

    /** Several seeds' rechecks of the same types on the same probes as one: the after-counts summed per type. */
    public static List<Recheck.Row> pooled(List<List<Recheck.Row>> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no rechecks to pool");
        }
        if (seeds.size() == 1) {
            return seeds.get(0);
        }
        List<Recheck.Row> out = new ArrayList<>();
        for (int t = 0; t < seeds.get(0).size(); t++) {
            Recheck.Row first = seeds.get(0).get(t);
            int c = 0;
            int n = 0;
            int co = 0;
            int no = 0;
            for (List<Recheck.Row> s : seeds) {
                Recheck.Row r = s.get(t);
                if (!r.id().equals(first.id())) {
                    throw new IllegalArgumentException("rechecks list other types: " + r.id() + " vs " + first.id());
                }
                c += r.after().correct();
                n += r.after().total();
                co += r.afterByOracle().correct();
                no += r.afterByOracle().total();
            }
            Accuracy after = Accuracy.of(c, n);
            Accuracy afterOracle = Accuracy.of(co, no);
            out.add(new Recheck.Row(first.id(), first.name(), first.before(), after, afterOracle, Double.NaN,
                    Recheck.shrank(first.before(), after), first.beforeByOracle(),
                    Recheck.shrank(first.beforeByOracle(), afterOracle)));
        }
        return out;
    }

    /** The JSON part of one fine-tuned row: counts of types that shrank, mean rates, and each type. */
    public static Map<String, Object> describe(List<Recheck.Row> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("types", rows.size());
        m.put("shrankByConsensus", rows.stream().filter(Recheck.Row::shrank).count());
        m.put("shrankByOracle", rows.stream().filter(Recheck.Row::shrankByOracle).count());
        m.put("meanFailingByOracleBefore", mean(rows.stream().map(Recheck.Row::beforeByOracle).toList()));
        m.put("meanFailingByOracleAfter", mean(rows.stream().map(Recheck.Row::afterByOracle).toList()));
        m.put("rows", rows);
        return m;
    }

    /** "S+auditdm: 3 of 4 types shrank by consensus, 1 by the oracle; failing by the oracle 45.0% -> 30.0%". */
    public static String line(String row, List<Recheck.Row> rows) {
        Map<String, Object> m = describe(rows);
        return String.format(Locale.ROOT, "%s: %d of %d validated failure types shrank by consensus, %d by the oracle;"
                        + " failing by the oracle, mean over types, %.1f%% -> %.1f%%", row, m.get("shrankByConsensus"),
                m.get("types"), m.get("shrankByOracle"), 100 * (double) m.get("meanFailingByOracleBefore"),
                100 * (double) m.get("meanFailingByOracleAfter"));
    }

    private static double mean(List<Accuracy> xs) {
        return xs.stream().filter(a -> a.total() > 0).mapToDouble(Accuracy::rate).average().orElse(Double.NaN);
    }
}
