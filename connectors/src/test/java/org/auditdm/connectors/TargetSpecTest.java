package org.auditdm.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.auditdm.api.VisionLanguageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetSpecTest {
    private static void rejects(String json, String... fragments) {
        assertThatThrownBy(() -> TargetSpec.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void validationMessagesNameTheField() {
        rejects("{\"model\":\"m\"}", "'kind'");
        rejects("{\"kind\":\"claude\",\"model\":\"m\"}", "'kind'", "openai");
        rejects("{\"kind\":\"openai\"}", "'model'", "required");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"modle\":\"x\"}", "unknown field 'modle'", "model");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"apiKeyEnv\":\"sk-abc-123\"}", "'apiKeyEnv'", "NAME");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"baseUrl\":\"localhost:8080\"}", "'baseUrl'");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"maxTokens\":0}", "'maxTokens'");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"maxAttempts\":-1}", "'maxAttempts'");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"command\":[\"a\"]}", "'command'", "does not apply");
        rejects("{\"kind\":\"ollama\",\"model\":\"m\",\"logprobs\":true}", "'logprobs'", "only openai");
        rejects("{\"kind\":\"ollama\",\"model\":\"m\",\"apiKeyEnv\":\"K\"}", "'apiKeyEnv'", "ollama");
        rejects("{\"kind\":\"command\",\"command\":[\"echo\",\"{question}\"]}", "'command'", "{image}");
        rejects("{\"kind\":\"command\"}", "'command'", "required");
        rejects("{\"kind\":\"zoo\",\"model\":\"S\",\"cache\":\"c.jsonl\"}", "'cache'", "zoo");
        rejects("{\"kind\":\"openai\",\"model\":\"m\",\"maxTokens\":\"many\"}", "maxTokens");
        rejects("{\"kind\":\"openai\",", "malformed JSON", "line 1");
    }

    @Test
    void defaultsIdsAndSettingsKeys() {
        TargetSpec o = TargetSpec.of("openai", "gpt-4o-mini");
        assertThat(o.id()).isEqualTo("openai:gpt-4o-mini");
        assertThat(o.effectiveApiKeyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(o.effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(o.effectiveTimeout()).isEqualTo(Duration.ofSeconds(60));
        TargetSpec local = TargetSpec.parse("{\"kind\":\"openai\",\"model\":\"S\",\"baseUrl\":\"http://127.0.0.1:8080/v1\"}");
        assertThat(local.effectiveApiKeyEnv()).isNull();
        assertThat(TargetSpec.of("gemini", "g").effectiveApiKeyEnv()).isEqualTo("GEMINI_API_KEY");
        TargetSpec cmd = TargetSpec.parse("{\"kind\":\"command\",\"command\":[\"/usr/bin/my-vlm\",\"{image}\","
                + "\"{question}\"],\"timeoutSeconds\":5}");
        assertThat(cmd.id()).isEqualTo("command:my-vlm");
        assertThat(cmd.effectiveTimeout()).isEqualTo(Duration.ofSeconds(5));
        // Settings that change answers change the key; retry settings do not.
        TargetSpec moreTokens = TargetSpec.parse("{\"kind\":\"openai\",\"model\":\"gpt-4o-mini\",\"maxTokens\":32}");
        TargetSpec moreRetries = TargetSpec.parse("{\"kind\":\"openai\",\"model\":\"gpt-4o-mini\",\"maxAttempts\":9}");
        assertThat(moreTokens.settingsKey()).isNotEqualTo(o.settingsKey());
        assertThat(moreRetries.settingsKey()).isEqualTo(o.settingsKey());
        assertThat(TargetSpec.parse(o.toJson())).isEqualTo(o);
    }

    @Test
    void theFactoryBuildsEveryKind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("targets.json");
        Files.writeString(file, "[{\"kind\":\"openai\",\"model\":\"S\",\"baseUrl\":\"http://127.0.0.1:9/v1\"},"
                + "{\"kind\":\"ollama\",\"model\":\"llava\"},"
                + "{\"kind\":\"gemini\",\"model\":\"gemini-2.0-flash\",\"cache\":\"" + dir.resolve("g.jsonl") + "\"},"
                + "{\"kind\":\"command\",\"command\":[\"printf\",\"%s\\\\n\",\"{question}\",\"{image}\"]},"
                + "{\"kind\":\"zoo\",\"model\":\"S\"}]");
        List<TargetSpec> specs = TargetSpec.read(file);
        VisionLanguageModel zoo = new Fixtures.HashModel("zoo:S", 0);
        try (TargetFactory f = new TargetFactory(Map.of("GEMINI_API_KEY", "g-key")::get, name -> zoo, d -> { })) {
            Map<String, VisionLanguageModel> all = f.createAll(specs);
            assertThat(all.keySet()).containsExactly("openai:S", "ollama:llava", "gemini:gemini-2.0-flash",
                    "command:printf", "zoo:S");
            assertThat(((ResilientTarget) all.get("openai:S")).delegate()).isInstanceOf(OpenAiCompatibleTarget.class);
            assertThat(((ResilientTarget) all.get("ollama:llava")).delegate()).isInstanceOf(OllamaTarget.class);
            assertThat(((ResilientTarget) all.get("gemini:gemini-2.0-flash")).delegate()).isInstanceOf(GeminiTarget.class);
            assertThat(all.get("zoo:S")).isSameAs(zoo);
            assertThat(all.get("command:printf").answer(Fixtures.questions(1, 1).get(0)).text())
                    .isEqualTo("what colour is the square?");
            assertThatThrownBy(() -> f.createAll(List.of(TargetSpec.of("ollama", "x"), TargetSpec.of("ollama", "x"))))
                    .hasMessageContaining("'name'");
        }
        try (TargetFactory noZoo = new TargetFactory(Map.<String, String>of()::get, null, d -> { })) {
            assertThatThrownBy(() -> noZoo.create(TargetSpec.of("zoo", "S"))).hasMessageContaining("zoo");
        }
    }
}
