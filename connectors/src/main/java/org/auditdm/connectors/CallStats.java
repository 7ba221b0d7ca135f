package org.auditdm.connectors;

/**
 * Counts for one target, from a {@link ResilientTarget}. Every request ends exactly one way, so
 * {@code requests = cacheHits + answered + failures}; every remote call either answered or failed, so
 * {@code calls = answered + failedCalls}; and every failed call was either retried or ended its request,
 * so {@code failedCalls = retries + failures}.
 *
 * @param targetId the target
 * @param requests questions asked of the target
 * @param cacheHits questions answered from the response cache, without a call
 * @param calls calls made to the underlying model (attempts, retries included)
 * @param answered questions answered by a call
 * @param failedCalls calls that failed (retried or not)
 * @param retries calls made again after a retryable failure
 * @param failures questions that finally failed ({@link TargetCallException} raised)
 */
public record CallStats(String targetId, long requests, long cacheHits, long calls, long answered, long failedCalls,
                        long retries, long failures) {
}
