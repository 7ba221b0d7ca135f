package org.auditdm.connectors;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error reply that keeps the server's {@code Retry-After}: LangChain4j's own HTTP clients drop
 * response headers on errors, so {@link HeaderAwareHttpClient} throws this instead, and LangChain4j's
 * exception mapping keeps it as the cause.
 */
public final class RemoteHttpException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RemoteHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The delay the server asked for, if it sent {@code Retry-After} or {@code retry-after-ms}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
