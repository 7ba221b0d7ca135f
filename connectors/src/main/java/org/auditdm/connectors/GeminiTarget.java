package org.auditdm.connectors;

import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import java.util.List;

/**
 * A Google Gemini model through LangChain4j's Gemini client (the Generative Language API): temperature 0,
 * {@code maxOutputTokens} = max tokens, no LangChain4j retries. The key comes from the environment.
 */
public final class GeminiTarget extends ChatModelTarget {
    public GeminiTarget(RemoteSettings settings, Secret apiKey) {
        super(settings, build(settings, apiKey), List.of(apiKey));
    }

    private static GoogleAiGeminiChatModel build(RemoteSettings s, Secret apiKey) {
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder b = GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(HeaderAwareHttpClient.builder())
                .apiKey(apiKey.reveal())
                .modelName(s.model())
                .temperature(0.0)
                .maxOutputTokens(s.maxTokens())
                .timeout(s.timeout())
                .customHeaders(s.headers())
                .maxRetries(0)
                .logRequestsAndResponses(false);
        if (s.baseUrl() != null) {
            b.baseUrl(s.baseUrl());
        }
        return b.build();
    }
}
