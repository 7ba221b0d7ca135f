package org.auditdm.audit.policy;

/** The auditor's learning-rate schedules. */
final class LearningRates {
    private LearningRates() {
    }

    /** Learning rate at {@code step} (0-based) of {@code total}: linear warm-up, then cosine to {@code floor * peak}. */
    static double schedule(double peak, int step, int total, double warmupFraction, double floor) {
        int warm = (int) Math.round(total * warmupFraction);
        if (step < warm) {
            return peak * (step + 1) / warm;
        }
        double progress = total - warm <= 1 ? 1 : (double) (step - warm) / (total - warm - 1);
        return peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress))));
    }
}
