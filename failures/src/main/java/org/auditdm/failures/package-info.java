/**
 * Failure types: findings grouped by what they share (clustering on sentence embeddings of their text
 * plus facets parsed from it and from the answers), named from their shared facets, and re-validated
 * on fresh probes with confidence intervals. {@link org.auditdm.failures.FailureTypes} is the result,
 * written as {@code failure-types.json} beside the run's findings.
 */
package org.auditdm.failures;
