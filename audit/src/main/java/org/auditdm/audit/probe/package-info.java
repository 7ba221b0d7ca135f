/**
 * From auditor text to probes: a question, an edit command or a caption written for a seed becomes
 * an (image, question) pair in one of the paper's three pairings, or an invalid text with its reason.
 */
package org.auditdm.audit.probe;
