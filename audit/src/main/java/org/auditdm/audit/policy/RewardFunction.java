package org.auditdm.audit.policy;

import java.util.List;

/**
 * Scores a step's sampled texts (the audit engine: 1 when the reference ensemble agrees and the
 * target differs, 0 otherwise, 0 for unusable text). Must return one finite reward per sample, in
 * order.
 */
@FunctionalInterface
public interface RewardFunction {
    double[] rewards(List<Sample> samples);
}
