package org.auditdm.connectors;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a target that did not produce an answer. The audit records it as an error, never as a
 * disagreement. Messages are built from redacted text only (no API keys), and the exception carries no
 * foreign cause whose message could hold one.
 */
public final class TargetCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Reason {
        /** HTTP 429. */
        RATE_LIMITED(true),
        /** HTTP 5xx. */
        SERVER_ERROR(true),
        /** No reply within the call's timeout. */
        TIMEOUT(true),
        /** The connection could not be made or broke. */
        CONNECTION(true),
        /** A reply that could not be read (not JSON, no answer field): often a proxy hiccup, so retried. */
        MALFORMED_RESPONSE(true),
        /** HTTP 401 or 403. */
        AUTHENTICATION(false),
        /** Another HTTP 4xx: the request itself is wrong and would fail again. */
        CLIENT_ERROR(false),
        /** The model replied with nothing to use as an answer. */
        EMPTY_ANSWER(false),
        /** A command-line target exited with a non-zero status. */
        PROCESS_FAILED(false),
        /** The calling thread was interrupted. */
        INTERRUPTED(false),
        /** Anything else (a bug in the target, an unreadable image). */
        OTHER(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether another attempt can succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final String targetId;
    private final Reason reason;
    private final int statusCode;
    private final Duration retryAfter;
    private final int attempts;
    private final String detail;

    /**
     * @param targetId the target's id
     * @param reason why the call failed
     * @param statusCode the HTTP status, or 0 when there was none
     * @param retryAfter the server's Retry-After, or null
     * @param attempts attempts made before giving up (1 for a single call)
     * @param detail what happened, already redacted
     */
    public TargetCallException(String targetId, Reason reason, int statusCode, Duration retryAfter, int attempts,
                               String detail) {
        super(message(targetId, reason, statusCode, attempts, detail));
        this.targetId = Objects.requireNonNull(targetId, "targetId");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
        this.detail = detail == null ? "" : detail;
    }

    /** A single failed call. */
    public static TargetCallException of(String targetId, Reason reason, int statusCode, Duration retryAfter,
                                         String detail) {
        return new TargetCallException(targetId, reason, statusCode, retryAfter, 1, detail);
    }

    /** This failure after {@code attempts} attempts in all. */
    public TargetCallException afterAttempts(int attempts) {
        return new TargetCallException(targetId, reason, statusCode, retryAfter, attempts, detail);
    }

    private static String message(String targetId, Reason reason, int status, int attempts, String detail) {
        StringBuilder b = new StringBuilder("target ").append(targetId).append(": ")
                .append(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (status > 0) {
            b.append(" (HTTP ").append(status).append(')');
        }
        if (attempts > 1) {
            b.append(" after ").append(attempts).append(" attempts");
        }
        if (detail != null && !detail.isBlank()) {
            b.append(": ").append(detail);
        }
        return b.toString();
    }

    /** What happened, without the target id and reason (redacted). */
    public String detail() {
        return detail;
    }

    public String targetId() {
        return targetId;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status code, or 0 when the failure had none. */
    public int statusCode() {
        return statusCode;
    }

    /** The delay the server asked for before the next attempt, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return reason.retryable();
    }

    /** Attempts made in all (1 unless a {@link ResilientTarget} retried). */
    public int attempts() {
        return attempts;
    }
}
