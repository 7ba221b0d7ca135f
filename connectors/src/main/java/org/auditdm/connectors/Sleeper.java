package org.auditdm.connectors;

import java.time.Duration;

/** Waits between attempts. Injected so that tests of backoff run instantly and can see every delay. */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
