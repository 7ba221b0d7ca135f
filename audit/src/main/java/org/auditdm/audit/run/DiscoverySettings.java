package org.auditdm.audit.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.ProbeMode;

/**
 * How discovery samples the auditor for each seed.
 *
 * @param modeWeights relative weight of each mode; each of a seed's samples draws its mode from these
 * @param samplesPerSeed auditor texts per seed
 * @param pairNewQuestionWithNewImage also have the auditor write a question for the new image of each edit
 *     or caption, asked about that image (the paper's (new question, new image) pairing)
 * @param seed the run seed: with the seed index, it fixes every random choice of a unit
 */
public record DiscoverySettings(Map<ProbeMode, Double> modeWeights, int samplesPerSeed,
                                boolean pairNewQuestionWithNewImage, long seed) {
    public DiscoverySettings {
        EnumMap<ProbeMode, Double> w = new EnumMap<>(ProbeMode.class);
        double total = 0;
        for (Map.Entry<ProbeMode, Double> e : modeWeights.entrySet()) {
            double v = e.getValue();
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("mode weight of " + e.getKey().word()
                        + " must be a non-negative number, got " + v);
            }
            w.put(e.getKey(), v);
            total += v;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one mode weight must be positive");
        }
        if (samplesPerSeed < 1) {
            throw new IllegalArgumentException("samples per seed must be at least 1, got " + samplesPerSeed);
        }
        modeWeights = Collections.unmodifiableMap(w);
    }

    /** How many texts of each mode a seed gets: {@code samplesPerSeed} draws from the weights. */
    public Map<ProbeMode, Integer> allocate(SplittableRandom rng) {
        double total = modeWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        EnumMap<ProbeMode, Integer> counts = new EnumMap<>(ProbeMode.class);
        for (ProbeMode m : ProbeMode.values()) {
            counts.put(m, 0);
        }
        for (int k = 0; k < samplesPerSeed; k++) {
            double u = rng.nextDouble() * total;
            ProbeMode pick = null;
            for (ProbeMode m : ProbeMode.values()) {
                double w = modeWeights.getOrDefault(m, 0.0);
                if (w > 0) {
                    pick = m;
                    if (u < w) {
                        break;
                    }
                    u -= w;
                }
            }
            counts.merge(pick, 1, Integer::sum);
        }
        return counts;
    }
}
