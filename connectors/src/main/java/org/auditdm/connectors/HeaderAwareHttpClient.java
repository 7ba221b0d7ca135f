package org.auditdm.connectors;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP client the LangChain4j targets use: the JDK client, one request at a time, with a per-request
 * timeout, that reports error replies as {@link RemoteHttpException} carrying {@code Retry-After}. It never
 * logs requests (they hold API keys).
 */
final class HeaderAwareHttpClient implements HttpClient {
    private static final int MAX_ERROR_BODY = 2000;

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final Clock clock;

    private HeaderAwareHttpClient(Duration connectTimeout, Duration readTimeout, Clock clock) {
        java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) {
            b.connectTimeout(connectTimeout);
        }
        this.http = b.build();
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** A builder LangChain4j model builders accept. */
    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        String body = request.body();
        b.method(request.method().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (r.statusCode() < 200 || r.statusCode() >= 300) {
            String text = r.body() == null ? "" : r.body();
            if (text.length() > MAX_ERROR_BODY) {
                text = text.substring(0, MAX_ERROR_BODY) + "...";
            }
            throw new RemoteHttpException(r.statusCode(), text, retryAfter(r.headers(), clock).orElse(null));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(r.statusCode())
                .headers(r.headers().map())
                .body(r.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedFeatureException("auditdm targets do not stream");
    }

    /**
     * The delay asked for by {@code retry-after-ms} (OpenAI) or {@code Retry-After} (seconds or an HTTP
     * date); empty when absent or unreadable.
     */
    static Optional<Duration> retryAfter(java.net.http.HttpHeaders headers, Clock clock) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return headers.firstValue("retry-after").flatMap(v -> parseRetryAfter(v, clock));
    }

    /** Parses a {@code Retry-After} value: delta-seconds or an HTTP date (RFC 1123). */
    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.strip();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** Builds {@link HeaderAwareHttpClient}s. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private Clock clock = Clock.systemUTC();

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public HttpClient build() {
            return new HeaderAwareHttpClient(connectTimeout, readTimeout, clock);
        }
    }
}
