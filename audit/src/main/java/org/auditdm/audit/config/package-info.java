/**
 * Audit configuration: documented defaults shipped in the jar, overlaid by a user JSON file, then by
 * command-line flags; validated with messages that name the field.
 */
package org.auditdm.audit.config;
