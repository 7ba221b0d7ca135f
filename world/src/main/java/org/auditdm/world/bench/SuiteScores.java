package org.auditdm.world.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy per suite and the unweighted mean over suites (each suite counts once, as in the
 * paper's benchmark averages).
 *
 * @param model the scored model's id
 * @param missing items without a prediction (scored as wrong)
 */
public record SuiteScores(String model, Map<String, Accuracy> bySuite, double average, int missing) {
    public SuiteScores {
        bySuite = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bySuite));
    }

    static double mean(Map<String, Accuracy> bySuite) {
        return bySuite.values().stream().mapToDouble(Accuracy::rate).average().orElse(Double.NaN);
    }
}
