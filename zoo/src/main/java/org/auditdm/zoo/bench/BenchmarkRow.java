package org.auditdm.zoo.bench;

/**
 * Speed of one model.
 *
 * @param model model id
 * @param family architecture family and size
 * @param parameters trainable scalars
 * @param flopsPerInference analytic forward FLOPs per question
 * @param perSecondBatch1 questions per second answered one at a time
 * @param perSecondBatch64 questions per second answered in batches of 64
 * @param achievedGflops flopsPerInference x perSecondBatch64 / 1e9
 * @param fractionOfPeak achievedGflops / the run's matrix-multiply peak
 * @param trainStepMillis milliseconds per training step at batch 64 (NaN if not measured)
 */
public record BenchmarkRow(String model, String family, long parameters, long flopsPerInference,
                           double perSecondBatch1, double perSecondBatch64, double achievedGflops,
                           double fractionOfPeak, double trainStepMillis) {
}
