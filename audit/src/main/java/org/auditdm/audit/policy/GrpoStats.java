package org.auditdm.audit.policy;

/**
 * What one GRPO step did.
 *
 * @param meanReward mean reward of the step's samples
 * @param meanKl mean per-token k3 estimate of KL(new || base) in the last epoch
 * @param clipFraction share of tokens whose ratio left [1 - eps, 1 + eps] in the last epoch
 * @param loss the objective minimised in the last epoch
 * @param zeroAdvantageGroups groups whose rewards were all equal (no learning signal)
 */
public record GrpoStats(int step, double meanReward, double meanKl, double clipFraction, double loss,
                        double learningRate, int samples, int zeroAdvantageGroups) {
}
