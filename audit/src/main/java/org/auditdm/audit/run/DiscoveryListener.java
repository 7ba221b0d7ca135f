package org.auditdm.audit.run;

/** Observes a discovery run; called after each seed's results are committed to the log. */
@FunctionalInterface
public interface DiscoveryListener {
    void seedDone(DiscoveryProgress progress);

    DiscoveryListener NONE = p -> { };
}
