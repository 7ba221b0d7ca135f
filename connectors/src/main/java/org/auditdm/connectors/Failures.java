package org.auditdm.connectors;

import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.auditdm.connectors.TargetCallException.Reason;

/** Turns whatever a target threw into a {@link TargetCallException}, deciding whether a retry can help. */
final class Failures {
    private static final int MAX_DETAIL = 300;

    private Failures() {
    }

    static TargetCallException translate(String targetId, Throwable error) {
        return translate(targetId, error, List.of());
    }

    /**
     * Classifies {@code error} by the most informative thing in its cause chain: an HTTP status first, then
     * timeouts, connection failures and unreadable replies. Texts are redacted with {@code secrets}.
     */
    static TargetCallException translate(String targetId, Throwable error, Collection<Secret> secrets) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TargetCallException tce) {
                return tce;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                Duration after = t instanceof RemoteHttpException r ? r.retryAfter().orElse(null) : null;
                return TargetCallException.of(targetId, byStatus(h.statusCode()), h.statusCode(), after,
                        detail(h.getMessage(), secrets));
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return TargetCallException.of(targetId, Reason.TIMEOUT, 0, null, detail(t.getMessage(), secrets));
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException) {
                return TargetCallException.of(targetId, Reason.INTERRUPTED, 0, null, "interrupted");
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException j) {
                return TargetCallException.of(targetId, Reason.MALFORMED_RESPONSE, 0, null,
                        "unreadable reply: " + detail(j.getOriginalMessage(), secrets));
            }
            if (t instanceof ConnectException || t instanceof IOException) {
                return TargetCallException.of(targetId, Reason.CONNECTION, 0, null,
                        t.getClass().getSimpleName() + " " + detail(t.getMessage(), secrets));
            }
        }
        return TargetCallException.of(targetId, Reason.OTHER, 0, null,
                error.getClass().getSimpleName() + ": " + detail(error.getMessage(), secrets));
    }

    static Reason byStatus(int status) {
        if (status == 429) {
            return Reason.RATE_LIMITED;
        }
        if (status == 408) {
            return Reason.TIMEOUT;
        }
        if (status >= 500) {
            return Reason.SERVER_ERROR;
        }
        if (status == 401 || status == 403) {
            return Reason.AUTHENTICATION;
        }
        return Reason.CLIENT_ERROR;
    }

    private static String detail(String text, Collection<Secret> secrets) {
        if (text == null) {
            return "";
        }
        String s = Secret.redact(text, secrets).replaceAll("\\s+", " ").strip();
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "..." : s;
    }
}
