package org.auditdm.zoo.train;

/**
 * A progress report.
 *
 * @param step steps done so far
 * @param maxSteps planned steps
 * @param loss mean training loss since the previous report
 * @param accuracy mean training accuracy since the previous report
 * @param learningRate learning rate of the last step
 * @param examplesPerSecond throughput since the previous report
 * @param etaSeconds estimated seconds to maxSteps at that throughput (the time budget may stop earlier)
 */
public record TrainingProgress(int step, int maxSteps, double loss, double accuracy, double learningRate,
                               double examplesPerSecond, double etaSeconds) {
}
