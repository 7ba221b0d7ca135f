package org.auditdm.connectors;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a LangChain4j-backed target needs besides its credentials (which are {@link Secret}s, kept apart so
 * that this record can be printed, logged and written to a manifest).
 *
 * @param id the target's id, for example {@code openai:gpt-4o-mini}
 * @param baseUrl the API's base URL ({@code null}: the provider's default)
 * @param model the provider's model name
 * @param headers extra HTTP headers sent with every request (not secret: use {@code headerEnv} in a
 *     {@link TargetSpec} for secret headers)
 * @param maxTokens the most tokens the model may generate per answer
 * @param timeout how long one call may take, connection included
 * @param instruction the text sent after the question, asking for a one-word answer
 * @param logprobs ask the server for token log-probabilities and report the reply's probability (their sum,
 *     exponentiated) with the answer; only for servers that support {@code logprobs}
 */
public record RemoteSettings(String id, String baseUrl, String model, Map<String, String> headers, int maxTokens,
                             Duration timeout, String instruction, boolean logprobs) {
    /** The default instruction sent after every question. */
    public static final String DEFAULT_INSTRUCTION = "Answer with a single word or number.";

    public RemoteSettings {
        Objects.requireNonNull(id, "id");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("field 'model' is required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
        if (maxTokens < 1) {
            throw new IllegalArgumentException("field 'maxTokens' must be at least 1, got " + maxTokens);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("field 'timeoutSeconds' must be positive, got " + timeout);
        }
        instruction = instruction == null ? DEFAULT_INSTRUCTION : instruction;
    }

    /** Settings without log-probabilities. */
    public RemoteSettings(String id, String baseUrl, String model, Map<String, String> headers, int maxTokens,
                          Duration timeout, String instruction) {
        this(id, baseUrl, model, headers, maxTokens, timeout, instruction, false);
    }
}
