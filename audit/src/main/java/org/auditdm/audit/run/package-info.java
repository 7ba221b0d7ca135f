/**
 * Running an audit: asking the target and the reference ensemble (with timeouts and retries),
 * rewarding disagreements with an agreeing ensemble, discovery over seeds, and the run directory
 * (manifest, typed event log, content-addressed images) that makes every run resumable.
 */
package org.auditdm.audit.run;
