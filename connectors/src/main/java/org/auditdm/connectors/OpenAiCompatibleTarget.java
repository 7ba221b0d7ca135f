package org.auditdm.connectors;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.LogProb;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model behind an OpenAI-compatible {@code /chat/completions} endpoint (OpenAI, vLLM, LM Studio, llama.cpp
 * server, Ollama's {@code /v1}, {@code auditdm serve}), through LangChain4j's OpenAI client: temperature 0,
 * {@code max_tokens} from the settings, no LangChain4j retries (a {@link ResilientTarget} decides those).
 */
public final class OpenAiCompatibleTarget extends ChatModelTarget {
    /** The base URL used when none is given. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    /**
     * @param settings base URL, model, headers, limits
     * @param apiKey sent as a bearer token; {@code null} for servers without authentication
     * @param secretHeaders further headers whose values are secret (for example Azure's {@code api-key})
     */
    public OpenAiCompatibleTarget(RemoteSettings settings, Secret apiKey, Map<String, Secret> secretHeaders) {
        super(settings, build(settings, apiKey, secretHeaders), secrets(apiKey, secretHeaders));
    }

    private static OpenAiChatModel build(RemoteSettings s, Secret apiKey, Map<String, Secret> secretHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(s.headers());
        secretHeaders.forEach((k, v) -> headers.put(k, v.reveal()));
        return OpenAiChatModel.builder()
                .httpClientBuilder(HeaderAwareHttpClient.builder())
                .baseUrl(s.baseUrl() == null ? DEFAULT_BASE_URL : s.baseUrl())
                // LangChain4j requires a key; servers without authentication ignore the header.
                .apiKey(apiKey == null ? "none" : apiKey.reveal())
                .modelName(s.model())
                .temperature(0.0)
                .maxTokens(s.maxTokens())
                .timeout(s.timeout())
                .maxRetries(0)
                .logprobs(s.logprobs() ? Boolean.TRUE : null)
                .logRequests(false)
                .logResponses(false)
                .customHeaders(headers)
                .build();
    }

    /** The reply's probability: the exponentiated sum of its tokens' log-probabilities, when the server sent them. */
    @Override
    protected double probability(ChatResponse response) {
        if (response.metadata() instanceof OpenAiChatResponseMetadata m && m.logProbs() != null
                && !m.logProbs().isEmpty()) {
            double sum = 0;
            for (LogProb p : m.logProbs()) {
                if (p.logprob() == null) {
                    return Double.NaN;
                }
                sum += p.logprob();
            }
            return Math.min(1.0, Math.exp(sum));
        }
        return Double.NaN;
    }

    static List<Secret> secrets(Secret apiKey, Map<String, Secret> secretHeaders) {
        List<Secret> out = new ArrayList<>(secretHeaders.values());
        if (apiKey != null) {
            out.add(apiKey);
        }
        return out;
    }
}
