package org.auditdm.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatCompletionsServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChatCompletionsServer server;
    private static final Map<String, VisionLanguageModel> MODELS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        MODELS.put("alpha", new Fixtures.HashModel("alpha", 1));
        MODELS.put("beta", new Fixtures.HashModel("beta", 2));
        server = ChatCompletionsServer.start(MODELS, ChatCompletionsServer.Options.defaults().withMaxImageBytes(20_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static OpenAiCompatibleTarget client(String model) {
        return new OpenAiCompatibleTarget(new RemoteSettings("openai:" + model, server.baseUrl(), model, Map.of(), 16,
                Duration.ofSeconds(10), null), null, Map.of());
    }

    @Test
    void answersThroughTheOpenAiClientEqualInProcessAnswersForEveryServedModel() {
        List<VisualQuestion> qs = Fixtures.questions(24, 7);
        for (String name : MODELS.keySet()) {
            OpenAiCompatibleTarget remote = client(name);
            for (VisualQuestion q : qs) {
                assertThat(remote.answer(q).text()).isEqualTo(MODELS.get(name).answer(q).text());
            }
        }
        // The two models differ somewhere, so routing by name is really exercised.
        assertThat(qs.stream().anyMatch(q -> !MODELS.get("alpha").answer(q).equals(MODELS.get("beta").answer(q))))
                .isTrue();
        assertThat(server.served()).isGreaterThanOrEqualTo(48);
    }

    @Test
    void withLogprobsTheClientReportsTheServedModelsProbability() {
        OpenAiCompatibleTarget plain = client("alpha");
        OpenAiCompatibleTarget withLogprobs = new OpenAiCompatibleTarget(new RemoteSettings("openai:alpha",
                server.baseUrl(), "alpha", Map.of(), 16, Duration.ofSeconds(10), null, true), null, Map.of());
        for (VisualQuestion q : Fixtures.questions(8, 11)) {
            Answer local = MODELS.get("alpha").answer(q);
            Answer remote = withLogprobs.answer(q);
            assertThat(remote.text()).isEqualTo(local.text());
            assertThat(remote.probability()).isCloseTo(local.probability(), within(1e-12));
            assertThat(plain.answer(q).probability()).isNaN();
        }
    }

    @Test
    void listsModels() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/models", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(r.body()).get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("id").asText()).isEqualTo("alpha");
    }

    @Test
    void aStandardRequestGetsAStandardCompletion() throws Exception {
        VisualQuestion q = Fixtures.questions(1, 3).get(0);
        HttpResponse<String> r = send("POST", "/v1/chat/completions", request("beta", dataUrl(q), q.question()));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = JSON.readTree(r.body());
        assertThat(c.get("object").asText()).isEqualTo("chat.completion");
        Answer expected = MODELS.get("beta").answer(q);
        assertThat(c.at("/choices/0/message/content").asText()).isEqualTo(expected.text());
        assertThat(c.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(c.get("auditdm_probability").asDouble()).isEqualTo(expected.probability());
    }

    @Test
    void errorsHaveOpenAiShapeAndProperStatus() throws Exception {
        VisualQuestion q = Fixtures.questions(1, 3).get(0);
        expectError(send("POST", "/v1/chat/completions", "{\"model\": \"alpha\", "), 400, "malformed JSON");
        expectError(send("POST", "/v1/chat/completions", request("gamma", dataUrl(q), "q?")), 404, "gamma");
        expectError(send("POST", "/v1/chat/completions", request(null, dataUrl(q), "q?")), 400, "'model'");
        String noImage = "{\"model\":\"alpha\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"what?\"}]}]}";
        expectError(send("POST", "/v1/chat/completions", noImage), 400, "missing image");
        expectError(send("POST", "/v1/chat/completions", request("alpha", "http://example.com/a.png", "q?")), 400,
                "data URL");
        expectError(send("POST", "/v1/chat/completions", request("alpha", "data:image/png;base64,@@@", "q?")), 400,
                "base64");
        expectError(send("POST", "/v1/chat/completions",
                request("alpha", "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
                        "q?")), 400, "not a readable image");
        expectError(send("POST", "/v1/chat/completions", request("alpha", dataUrl(q), " ")), 400, "question");
        String big = "data:image/png;base64," + Base64.getEncoder().encodeToString(Fixtures.picture(1, 200).toPng());
        expectError(send("POST", "/v1/chat/completions", request("alpha", big, "q?")), 413, "exceeds");
        expectError(send("GET", "/v1/chat/completions", null), 405, "POST");
        expectError(send("GET", "/v2/other", null), 404, "no such endpoint");
    }

    private static void expectError(HttpResponse<String> r, int status, String fragment) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertThat(e).isNotNull();
        assertThat(e.get("message").asText()).contains(fragment);
        assertThat(e.get("type").asText()).isNotBlank();
    }

    static String dataUrl(VisualQuestion q) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(q.image().toPng());
    }

    static String request(String model, String url, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        if (model != null) {
            body.put("model", model);
        }
        body.put("messages", List.of(
                Map.of("role", "system", "content", "be brief"),
                Map.of("role", "user", "content", List.of(
                        Map.of("type", "image_url", "image_url", Map.of("url", url)),
                        Map.of("type", "text", "text", text),
                        Map.of("type", "text", "text", "Answer with one word.")))));
        return JSON.writeValueAsString(body);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
