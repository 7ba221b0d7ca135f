package org.auditdm.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.auditdm.api.VisualQuestion;
import org.junit.jupiter.api.Test;

/**
 * Ollama, Gemini and OpenAI request shapes against loopback doubles of their APIs: the image reaches the
 * server as the PNG, the question and instruction as text, temperature 0, and the first line of the reply
 * is the answer. (The real services are not reachable here.)
 */
class ProviderTargetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VisualQuestion Q = Fixtures.questions(1, 9).get(0);
    private static final String PNG = Base64.getEncoder().encodeToString(Q.image().toPng());

    private static RemoteSettings settings(String id, String url) {
        return new RemoteSettings(id, url, "vlm", Map.of("X-Trace", "t1"), 12, Duration.ofSeconds(10), null);
    }

    @Test
    void openAiRequestCarriesImageQuestionAndInstruction() throws Exception {
        try (FakeServer s = new FakeServer(r -> FakeServer.Reply.json(200,
                FakeServer.completion("  Red\\nbecause the square is red")))) {
            OpenAiCompatibleTarget t = new OpenAiCompatibleTarget(settings("openai:vlm", s.url() + "/v1"), null, Map.of());
            assertThat(t.answer(Q).text()).isEqualTo("Red");
            FakeServer.Request req = s.requests.get(0);
            assertThat(req.path()).isEqualTo("/v1/chat/completions");
            assertThat(req.header("X-Trace")).isEqualTo("t1");
            JsonNode body = JSON.readTree(req.body());
            assertThat(body.get("temperature").asDouble()).isZero();
            assertThat(body.get("max_tokens").asInt()).isEqualTo(12);
            JsonNode parts = body.at("/messages/0/content");
            assertThat(parts.get(0).at("/image_url/url").asText()).isEqualTo("data:image/png;base64," + PNG);
            assertThat(parts.get(1).get("text").asText()).isEqualTo(Q.question());
            assertThat(parts.get(2).get("text").asText()).isEqualTo(RemoteSettings.DEFAULT_INSTRUCTION);
        }
    }

    @Test
    void ollamaNativeApi() throws Exception {
        try (FakeServer s = new FakeServer(r -> FakeServer.Reply.json(200, "{\"model\":\"vlm\",\"created_at\":"
                + "\"2024-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"3\\n\"},\"done\":true,"
                + "\"done_reason\":\"stop\"}"))) {
            OllamaTarget t = new OllamaTarget(settings("ollama:vlm", s.url()));
            assertThat(t.answer(Q).text()).isEqualTo("3");
            FakeServer.Request req = s.requests.get(0);
            assertThat(req.path()).isEqualTo("/api/chat");
            JsonNode body = JSON.readTree(req.body());
            assertThat(body.at("/options/temperature").asDouble()).isZero();
            assertThat(body.at("/options/num_predict").asInt()).isEqualTo(12);
            assertThat(body.at("/messages/0/images/0").asText()).isEqualTo(PNG);
            assertThat(body.at("/messages/0/content").asText()).contains(Q.question())
                    .contains(RemoteSettings.DEFAULT_INSTRUCTION);
        }
    }

    @Test
    void geminiApiWithKeyAndRetryAfter() throws Exception {
        try (FakeServer s = new FakeServer(r -> r.body().contains("busy")
                ? new FakeServer.Reply(429, Map.of("Retry-After", "3"), "{\"error\":{\"code\":429}}", 0)
                : FakeServer.Reply.json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"blue\"}],"
                        + "\"role\":\"model\"},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":5,"
                        + "\"candidatesTokenCount\":1,\"totalTokenCount\":6}}"))) {
            GeminiTarget t = new GeminiTarget(settings("gemini:vlm", s.url() + "/v1beta"), Secret.of("g-secret"));
            assertThat(t.answer(Q).text()).isEqualTo("blue");
            FakeServer.Request req = s.requests.get(0);
            assertThat(req.path()).contains("vlm").contains("generateContent");
            assertThat(req.body()).contains(PNG).contains(Q.question());
            assertThat(req.header("x-goog-api-key")).isEqualTo("g-secret");
            assertThatThrownBy(() -> t.answer(new VisualQuestion(Q.image(), "busy?")))
                    .isInstanceOfSatisfying(TargetCallException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TargetCallException.Reason.RATE_LIMITED);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    });
        }
    }

    @Test
    void anEmptyReplyIsAnErrorNotAnAnswer() {
        try (FakeServer s = new FakeServer(r -> FakeServer.Reply.json(200, FakeServer.completion("  \\n ")))) {
            OpenAiCompatibleTarget t = new OpenAiCompatibleTarget(settings("openai:vlm", s.url() + "/v1"), null, Map.of());
            assertThatThrownBy(() -> t.answer(Q)).isInstanceOfSatisfying(TargetCallException.class,
                    e -> assertThat(e.reason()).isEqualTo(TargetCallException.Reason.EMPTY_ANSWER));
        }
    }

    @Test
    void retryAfterHeaderForms() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        assertThat(HeaderAwareHttpClient.parseRetryAfter("12", clock)).contains(Duration.ofSeconds(12));
        assertThat(HeaderAwareHttpClient.parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", clock))
                .contains(Duration.ofSeconds(30));
        assertThat(HeaderAwareHttpClient.parseRetryAfter("soon", clock)).isEmpty();
    }
}
