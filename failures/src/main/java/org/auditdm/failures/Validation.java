package org.auditdm.failures;

import java.util.Map;
import java.util.Objects;
import org.auditdm.world.bench.Accuracy;

/**
 * Fresh probes drawn from a definition (or from the general distribution) and how the models did on
 * them. Every rate carries a 95% Wilson interval ({@link Accuracy#correct()} counts failures here).
 *
 * @param probes fresh probes generated and answered
 * @param ensembleAgreement share of probes on which the reference members agreed
 * @param targetByConsensus among probes with an agreeing ensemble, the share where the target's answer
 *     differs in meaning: the audit's own failure measure (no oracle)
 * @param targetByOracle among answerable probes of the definition's input (its answer facets aside), the share
 *     the target got wrong by the oracle (evaluation only)
 * @param referencesByOracle the same for each reference member, by model name (on the same probes)
 * @param pValue one-sided two-proportion test of {@code targetByConsensus} against the general rate; NaN for
 *     the general distribution itself
 * @param validated whether the rate is significantly above the general rate (after correcting for the
 *     number of types tested)
 */
public record Validation(int probes, Accuracy ensembleAgreement, Accuracy targetByConsensus, Accuracy targetByOracle,
                         Map<String, Accuracy> referencesByOracle, double pValue, boolean validated) {
    public Validation {
        Objects.requireNonNull(ensembleAgreement, "ensembleAgreement");
        Objects.requireNonNull(targetByConsensus, "targetByConsensus");
        Objects.requireNonNull(targetByOracle, "targetByOracle");
        referencesByOracle = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(referencesByOracle));
    }
}
