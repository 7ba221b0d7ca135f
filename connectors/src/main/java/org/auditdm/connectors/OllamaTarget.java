package org.auditdm.connectors;

import dev.langchain4j.model.ollama.OllamaChatModel;
import java.util.List;

/**
 * A model served by Ollama's native {@code /api/chat}, through LangChain4j's Ollama client: temperature 0,
 * {@code num_predict} = max tokens, no LangChain4j retries. Ollama needs no key.
 */
public final class OllamaTarget extends ChatModelTarget {
    /** The base URL used when none is given. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    public OllamaTarget(RemoteSettings settings) {
        super(settings, OllamaChatModel.builder()
                .httpClientBuilder(HeaderAwareHttpClient.builder())
                .baseUrl(settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl())
                .modelName(settings.model())
                .temperature(0.0)
                .numPredict(settings.maxTokens())
                .timeout(settings.timeout())
                .customHeaders(settings.headers())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build(), List.of());
    }
}
