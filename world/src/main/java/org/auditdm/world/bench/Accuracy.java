package org.auditdm.world.bench;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A success rate with its 95% Wilson score interval (well behaved near 0 and 1 and for small
 * samples, unlike the normal approximation).
 */
public record Accuracy(int correct, int total, double rate, double low, double high) {
    public Accuracy {
        if (correct < 0 || total < 0 || correct > total) {
            throw new IllegalArgumentException("need 0 <= correct <= total, got " + correct + "/" + total);
        }
    }

    public static Accuracy of(int correct, int total) {
        if (total == 0) {
            return new Accuracy(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double rate = (double) correct / total;
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(total, correct, 0.95);
        return new Accuracy(correct, total, rate, Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()));
    }

    /** "83.3 [79.1, 86.8]" in percent. */
    public String percent() {
        if (total == 0) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * rate, 100 * low, 100 * high);
    }
}
