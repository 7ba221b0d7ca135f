/**
 * The audit loop: an auditor policy writes probes for seeds, the target and the reference ensemble
 * answer them, disagreements with an agreeing ensemble are rewarded (GRPO) and kept as findings.
 */
package org.auditdm.audit;
