package org.auditdm.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target specs, the auditor and photo seeds in the run config. */
class AuditConfigTargetsTest {
    @TempDir
    Path tmp;

    private AuditConfig load(String json, Map<String, String> flags) throws Exception {
        Path f = tmp.resolve("c.json");
        Files.writeString(f, json);
        return AuditConfigLoader.load(f, flags);
    }

    @Test
    void namedSpecsCanBeTargetReferencesAndAuditor() throws Exception {
        AuditConfig c = load("{\"targets\": [{\"name\": \"gpt\", \"kind\": \"openai\", \"model\": \"gpt-4o-mini\", "
                + "\"apiKeyEnv\": \"OPENAI_API_KEY\"}, {\"name\": \"ocr\", \"kind\": \"command\", \"command\": "
                + "[\"scripts/tesseract-answer\", \"{image}\", \"{question}\"]}], \"target\": \"ocr\", "
                + "\"references\": [\"gpt\", \"L\"], \"auditor\": \"http:gpt\"}", Map.of("seedsDir", "photos"));
        assertThat(c.targetSpec("gpt")).isPresent();
        assertThat(c.httpAuditor()).isTrue();
        assertThat(c.photoSeeds()).isTrue();
        assertThat(AuditConfig.fromJson(c.toJson())).isEqualTo(c);
        assertThat(c.toJson().toString()).contains("OPENAI_API_KEY").contains("\"seedsDir\":\"photos\"");
    }

    @Test
    void defaultsOfTheNewFieldsAreLeftOutOfTheManifestConfig() {
        AuditConfig c = AuditConfigLoader.load();
        assertThat(c.targets()).isEmpty();
        assertThat(c.auditor()).isEqualTo(AuditConfig.POLICY_AUDITOR);
        assertThat(c.toJson().has("targets")).isFalse();
        assertThat(c.toJson().has("auditor")).isFalse();
        assertThat(c.toJson().has("seedsDir")).isFalse();
        assertThat(AuditConfig.fromJson(c.toJson())).isEqualTo(c);
    }

    @Test
    void badSpecsAndAuditorsAreNamed() {
        assertThatThrownBy(() -> load("{\"targets\": [{\"kind\": \"openai\", \"model\": \"x\"}]}", Map.of()))
                .hasMessageContaining("targets[0]").hasMessageContaining("needs a 'name'");
        assertThatThrownBy(() -> load("{\"targets\": [{\"name\": \"a\", \"kind\": \"openai\", \"model\": \"x\", "
                + "\"apiKey\": \"sk-1\"}]}", Map.of())).hasMessageContaining("unknown field 'apiKey'");
        assertThatThrownBy(() -> load("{\"targets\": [{\"name\": \"a\", \"kind\": \"ollama\", \"model\": \"x\"}, "
                + "{\"name\": \"a\", \"kind\": \"ollama\", \"model\": \"y\"}]}", Map.of()))
                .hasMessageContaining("repeats the name 'a'");
        assertThatThrownBy(() -> load("{}", Map.of("auditor", "http:nobody")))
                .hasMessageContaining("names no target spec 'nobody'");
        assertThatThrownBy(() -> load("{}", Map.of("auditor", "gpt")))
                .hasMessageContaining("'policy' or 'http:NAME'");
    }
}
