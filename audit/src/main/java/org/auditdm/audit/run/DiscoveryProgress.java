package org.auditdm.audit.run;

/**
 * Where a discovery run stands after a seed.
 *
 * @param probes auditor texts evaluated so far (valid, invalid and failed)
 * @param meanReward findings per judged text (invalid texts count as 0; failed calls do not count)
 */
public record DiscoveryProgress(int seedsDone, int seedsTotal, int probes, int valid, int invalid, int errors,
                                int findings, double meanReward) {
}
