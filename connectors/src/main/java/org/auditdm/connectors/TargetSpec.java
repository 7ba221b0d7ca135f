package org.auditdm.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How to reach one model, as written in a JSON config: {@code {"kind": "openai", "model": "gpt-4o-mini",
 * "apiKeyEnv": "OPENAI_API_KEY"}}. {@link TargetFactory} turns it into a model. Only {@code kind} is always
 * required; a field that does not apply to the kind is an error naming it. The record holds no secret (keys
 * are named by environment variable), so it can be printed and written to a run manifest as is.
 *
 * @param kind {@code "openai"} (any OpenAI-compatible chat completions API), {@code "ollama"} (Ollama's
 *     native API), {@code "gemini"} (Google Gemini), {@code "command"} (a local program) or {@code "zoo"}
 *     (a zoo checkpoint loaded in process)
 * @param name the target's id in results; default {@code kind:model} (for command: {@code command:} and the
 *     program's file name)
 * @param model openai/ollama/gemini: the provider's model name (required); zoo: a preset {@code S}, {@code M},
 *     {@code L} or a checkpoint directory (required); not for command
 * @param baseUrl openai: default {@code https://api.openai.com/v1} (for example {@code http://127.0.0.1:8080/v1}
 *     for {@code auditdm serve}); ollama: default {@code http://localhost:11434}; gemini: default the
 *     Generative Language API
 * @param apiKeyEnv name of the environment variable holding the API key (never the key itself). openai:
 *     optional, default none (no key) unless {@code baseUrl} is unset, then {@code OPENAI_API_KEY}; gemini:
 *     default {@code GEMINI_API_KEY}; not for ollama, command, zoo
 * @param headers openai/ollama/gemini: extra HTTP headers with literal values (not for secrets)
 * @param headerEnv openai: extra HTTP headers whose values are read from environment variables
 *     ({@code {"api-key": "AZURE_OPENAI_KEY"}}); the values are treated as secrets
 * @param maxTokens openai/ollama/gemini: the most tokens generated per answer (default 16)
 * @param timeoutSeconds seconds one call may take (default 60 for remote kinds, 30 for command)
 * @param instruction openai/ollama/gemini: the text sent after the question (default
 *     {@value RemoteSettings#DEFAULT_INSTRUCTION}); empty to send none
 * @param command command: the program and its arguments, with placeholders {@code {image}} (path of a
 *     temporary PNG) and {@code {question}}; run without a shell (required)
 * @param cache response cache for this target: a {@code .jsonl} file or a directory (default none); not for
 *     zoo
 * @param maxConcurrency most calls in flight (default 4); not for zoo
 * @param maxAttempts most attempts per question, the first included (default 5); not for zoo
 * @param initialBackoffSeconds wait before the first retry, doubled for each further one (default 1)
 * @param maxBackoffSeconds longest computed wait between attempts (default 60)
 * @param maxRetryAfterSeconds longest wait accepted from a server's Retry-After (default 120)
 * @param seed seed of the retry jitter (default 0)
 * @param logprobs openai: ask for token log-probabilities and report each answer's probability (default
 *     false; OpenAI's non-reasoning models, vLLM, llama.cpp server and {@code auditdm serve} support it), so
 *     that an audit's {@code minConfidence} rule can hold this model to it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetSpec(String kind, String name, String model, String baseUrl, String apiKeyEnv,
                         Map<String, String> headers, Map<String, String> headerEnv, Integer maxTokens,
                         Double timeoutSeconds, String instruction, List<String> command, String cache,
                         Integer maxConcurrency, Integer maxAttempts, Double initialBackoffSeconds,
                         Double maxBackoffSeconds, Double maxRetryAfterSeconds, Long seed,
                         Boolean logprobs) {
    /** The kinds understood. */
    public static final List<String> KINDS = List.of("openai", "ollama", "gemini", "command", "zoo");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public TargetSpec {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("target spec: field 'kind' is required (one of " + KINDS + ")");
        }
        kind = kind.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("target spec: field 'kind' must be one of " + KINDS + ", got '"
                    + kind + "'");
        }
        headers = headers == null ? null : Map.copyOf(new TreeMap<>(headers));
        headerEnv = headerEnv == null ? null : Map.copyOf(new TreeMap<>(headerEnv));
        command = command == null ? null : List.copyOf(command);
        validate(kind, name, model, baseUrl, apiKeyEnv, headers, headerEnv, maxTokens, timeoutSeconds, instruction,
                command, cache, maxConcurrency, maxAttempts, initialBackoffSeconds, maxBackoffSeconds,
                maxRetryAfterSeconds);
        if (!kind.equals("openai") && logprobs != null) {
            throw new IllegalArgumentException("target spec '" + kind + "': field 'logprobs' does not apply to kind '"
                    + kind + "' (only openai)");
        }
    }

    private static void validate(String kind, String name, String model, String baseUrl, String apiKeyEnv,
                                 Map<String, String> headers, Map<String, String> headerEnv, Integer maxTokens,
                                 Double timeoutSeconds, String instruction, List<String> command, String cache,
                                 Integer maxConcurrency, Integer maxAttempts, Double initialBackoff,
                                 Double maxBackoff, Double maxRetryAfter) {
        boolean chat = Set.of("openai", "ollama", "gemini").contains(kind);
        String where = "target spec '" + kind + "': field ";
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException(where + "'name' must not be blank");
        }
        if (kind.equals("command")) {
            notFor(where, kind, "model", model);
            if (command == null || command.isEmpty()) {
                throw new IllegalArgumentException(where + "'command' is required: the program and its arguments, "
                        + "with {image} and {question}");
            }
            if (command.stream().noneMatch(a -> a.contains(CommandTarget.IMAGE))
                    || command.stream().noneMatch(a -> a.contains(CommandTarget.QUESTION))) {
                throw new IllegalArgumentException(where + "'command' must contain the placeholders {image} and "
                        + "{question}, got " + command);
            }
        } else {
            notFor(where, kind, "command", command);
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException(where + "'model' is required");
            }
        }
        if (!chat) {
            notFor(where, kind, "baseUrl", baseUrl);
            notFor(where, kind, "apiKeyEnv", apiKeyEnv);
            notFor(where, kind, "headers", headers);
            notFor(where, kind, "maxTokens", maxTokens);
            notFor(where, kind, "instruction", instruction);
        }
        if (!kind.equals("openai")) {
            notFor(where, kind, "headerEnv", headerEnv);
        }
        if (kind.equals("ollama")) {
            notFor(where, kind, "apiKeyEnv", apiKeyEnv);
        }
        if (kind.equals("zoo")) {
            notFor(where, kind, "timeoutSeconds", timeoutSeconds);
            notFor(where, kind, "cache", cache);
            notFor(where, kind, "maxConcurrency", maxConcurrency);
            notFor(where, kind, "maxAttempts", maxAttempts);
            notFor(where, kind, "initialBackoffSeconds", initialBackoff);
            notFor(where, kind, "maxBackoffSeconds", maxBackoff);
            notFor(where, kind, "maxRetryAfterSeconds", maxRetryAfter);
        }
        if (baseUrl != null && !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException(where + "'baseUrl' must start with http:// or https://, got '"
                    + baseUrl + "'");
        }
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(where + "'apiKeyEnv' must be the NAME of an environment variable "
                    + "(letters, digits, underscores), not a key");
        }
        if (headerEnv != null) {
            headerEnv.forEach((h, env) -> {
                if (env == null || !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException(where + "'headerEnv' maps header '" + h
                            + "' to the NAME of an environment variable, not a value");
                }
            });
        }
        positive(where, "maxTokens", maxTokens);
        positive(where, "maxConcurrency", maxConcurrency);
        positive(where, "maxAttempts", maxAttempts);
        positive(where, "timeoutSeconds", timeoutSeconds);
        nonNegative(where, "initialBackoffSeconds", initialBackoff);
        nonNegative(where, "maxBackoffSeconds", maxBackoff);
        nonNegative(where, "maxRetryAfterSeconds", maxRetryAfter);
        if (cache != null && cache.isBlank()) {
            throw new IllegalArgumentException(where + "'cache' must be a path");
        }
    }

    private static void notFor(String where, String kind, String field, Object value) {
        if (value != null) {
            throw new IllegalArgumentException(where + "'" + field + "' does not apply to kind '" + kind + "'");
        }
    }

    private static void positive(String where, String field, Number n) {
        if (n != null && !(n.doubleValue() > 0)) {
            throw new IllegalArgumentException(where + "'" + field + "' must be positive, got " + n);
        }
    }

    private static void nonNegative(String where, String field, Number n) {
        if (n != null && !(n.doubleValue() >= 0)) {
            throw new IllegalArgumentException(where + "'" + field + "' must not be negative, got " + n);
        }
    }

    /** A spec with only the kind and model set (all else default). */
    public static TargetSpec of(String kind, String model) {
        return new TargetSpec(kind, null, model, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** Parses one spec from JSON; errors name the field or the position. */
    public static TargetSpec parse(String json) {
        try {
            return JSON.readValue(json, TargetSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("target spec: unknown field '" + e.getPropertyName() + "' (known: "
                    + knownFields() + ")");
        } catch (JsonMappingException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("target spec: " + e.getOriginalMessage() + pathOf(e));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("target spec: malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    /** Reads a JSON file holding one spec or an array of specs. */
    public static List<TargetSpec> read(Path file) {
        try {
            String text = Files.readString(file).strip();
            if (!text.startsWith("[")) {
                return List.of(parse(text));
            }
            List<TargetSpec> out = new ArrayList<>();
            for (var node : JSON.readTree(text)) {
                out.add(parse(node.toString()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("target specs in " + file + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read target specs " + file + ": " + e.getMessage());
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return b.length() == 0 ? "" : " (field '" + b + "')";
    }

    private static List<String> knownFields() {
        List<String> out = new ArrayList<>();
        for (var c : TargetSpec.class.getRecordComponents()) {
            out.add(c.getName());
        }
        return out;
    }

    /** This spec as JSON (no secrets: keys are only named). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The target's id: {@link #name} or the default for the kind. */
    public String id() {
        if (name != null) {
            return name;
        }
        if (kind.equals("command")) {
            return "command:" + Path.of(command.get(0)).getFileName();
        }
        return kind + ":" + model;
    }

    /** The base URL after defaults. */
    public String effectiveBaseUrl() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return switch (kind) {
            case "openai" -> OpenAiCompatibleTarget.DEFAULT_BASE_URL;
            case "ollama" -> OllamaTarget.DEFAULT_BASE_URL;
            default -> null;
        };
    }

    /** The API key's environment variable after defaults, or null when no key is used. */
    public String effectiveApiKeyEnv() {
        if (apiKeyEnv != null) {
            return apiKeyEnv;
        }
        return switch (kind) {
            case "openai" -> baseUrl == null ? "OPENAI_API_KEY" : null;
            case "gemini" -> "GEMINI_API_KEY";
            default -> null;
        };
    }

    public int effectiveMaxTokens() {
        return maxTokens == null ? 16 : maxTokens;
    }

    /** Whether answers carry the server's probability. */
    public boolean effectiveLogprobs() {
        return Boolean.TRUE.equals(logprobs);
    }

    public Duration effectiveTimeout() {
        double s = timeoutSeconds != null ? timeoutSeconds : kind.equals("command") ? 30 : 60;
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** Retry and concurrency options after defaults. */
    public ResilientTarget.Options resilience() {
        ResilientTarget.Options d = ResilientTarget.Options.defaults();
        return new ResilientTarget.Options(
                maxConcurrency == null ? d.maxConcurrency() : maxConcurrency,
                maxAttempts == null ? d.maxAttempts() : maxAttempts,
                initialBackoffSeconds == null ? d.initialBackoff() : seconds(initialBackoffSeconds),
                maxBackoffSeconds == null ? d.maxBackoff() : seconds(maxBackoffSeconds),
                maxRetryAfterSeconds == null ? d.maxRetryAfter() : seconds(maxRetryAfterSeconds),
                d.jitter(),
                seed == null ? d.seed() : seed);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /**
     * The target part of response-cache keys: the id and every setting that can change an answer (kind,
     * model, base URL, max tokens, instruction, command, header names and literal values). Timeouts,
     * retries, key variables and secret header values are left out: they change whether a call succeeds,
     * not what it answers.
     */
    public String settingsKey() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id());
        m.put("kind", kind);
        m.put("model", model);
        m.put("baseUrl", effectiveBaseUrl());
        if (!kind.equals("command") && !kind.equals("zoo")) {
            m.put("maxTokens", effectiveMaxTokens());
            m.put("instruction", instruction == null ? RemoteSettings.DEFAULT_INSTRUCTION : instruction);
            m.put("temperature", 0);
        }
        if (effectiveLogprobs()) {
            m.put("logprobs", true); // only when on, so that caches written before the field keep their keys
        }
        m.put("command", command);
        m.put("headers", headers);
        m.put("secretHeaders", headerEnv == null ? null : List.copyOf(new TreeMap<>(headerEnv).keySet()));
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
