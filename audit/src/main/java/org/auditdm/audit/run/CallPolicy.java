package org.auditdm.audit.run;

import java.time.Duration;
import java.util.Objects;

/**
 * How model calls are guarded.
 *
 * @param timeoutPerQuestion a call on a batch of n questions may take n times this
 * @param retries extra attempts after a transient failure (a timeout or an unexpected runtime error);
 *     an {@link IllegalArgumentException} is the model rejecting its input and is not retried
 * @param backoff wait before the first retry; doubled before each further one
 */
public record CallPolicy(Duration timeoutPerQuestion, int retries, Duration backoff) {
    public CallPolicy {
        Objects.requireNonNull(timeoutPerQuestion, "timeoutPerQuestion");
        Objects.requireNonNull(backoff, "backoff");
        if (timeoutPerQuestion.isNegative() || timeoutPerQuestion.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeoutPerQuestion);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0, got " + retries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
        }
    }

    /** 30 s per question, 2 retries, 200 ms first backoff. */
    public static CallPolicy defaults() {
        return new CallPolicy(Duration.ofSeconds(30), 2, Duration.ofMillis(200));
    }
}
