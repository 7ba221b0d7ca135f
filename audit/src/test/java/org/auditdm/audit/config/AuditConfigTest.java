package org.auditdm.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.auditdm.api.ProbeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditConfigTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAreDocumentedFieldByFieldAndRoundTrip() {
        AuditConfig c = AuditConfigLoader.load();
        assertThat(AuditConfigLoader.documentation().keySet()).isEqualTo(AuditConfig.fieldNames());
        assertThat(AuditConfigLoader.defaults().fieldNames()).toIterable()
                .containsExactlyElementsOf(AuditConfig.fieldNames());
        assertThat(AuditConfig.fromJson(c.toJson())).isEqualTo(c);
        assertThat(c.references()).containsExactly("R1", "R2");
        assertThat(c.callPolicy().retries()).isEqualTo(2);
    }

    @Test
    void aUserFileThenFlagsOverlayTheDefaults() throws Exception {
        Path file = tmp.resolve("audit.json");
        Files.writeString(file, "{\"target\": \"M\", \"references\": [\"L\"], \"seeds\": 50, \"samplesPerSeed\": 3}");
        AuditConfig c = AuditConfigLoader.load(file, Map.of("seeds", "7", "modeWeights", "edit=2,caption=0.5",
                "pairNewQuestionWithNewImage", "false"));
        assertThat(c.target()).isEqualTo("M");
        assertThat(c.references()).isEqualTo(List.of("L"));
        assertThat(c.seeds()).isEqualTo(7);
        assertThat(c.samplesPerSeed()).isEqualTo(3);
        assertThat(c.modeWeights()).isEqualTo(Map.of(ProbeMode.EDIT, 2.0, ProbeMode.CAPTION, 0.5));
        assertThat(c.pairNewQuestionWithNewImage()).isFalse();
        assertThat(c.timeoutMillis()).isEqualTo(30000);
    }

    @Test
    void errorsNameTheField() throws Exception {
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("samplesPerSed", "3")))
                .hasMessage("unknown config field 'samplesPerSed' given as a flag (did you mean 'samplesPerSeed'?)");
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("samplesPerSeed", "0")))
                .hasMessage("config field 'samplesPerSeed' must be at least 1, got 0");
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("seeds", "many")))
                .hasMessage("config field 'seeds' must be a number, got 'many'");
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("modeWeights", "sketch=1")))
                .hasMessageContaining("config field 'modeWeights' unknown mode 'sketch'");
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("validTextReward", "1")))
                .hasMessage("config field 'validTextReward' must be in [0, 1) (0: off), got 1.0");
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("temperature", "0")))
                .hasMessage("config field 'temperature' must be in (0, 5], got 0.0");
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("imageTextCredit", "all")))
                .hasMessage("config field 'imageTextCredit' must be 'pair' or 'both', got 'all'");
        AuditConfig both = AuditConfigLoader.load(null, Map.of("imageTextCredit", "both"));
        assertThat(both.creditBothPairings()).isTrue();
        assertThat(AuditConfig.fromJson(both.toJson())).isEqualTo(both);
        assertThat(AuditConfigLoader.load(null, Map.of()).toJson().has("imageTextCredit"))
                .as("left out at its default, so earlier runs resume").isFalse();
        assertThatThrownBy(() -> AuditConfigLoader.load(null, Map.of("references", "S")))
                .hasMessage("config field 'references' must not contain the target 'S'");
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"seeds\": 2.5}");
        assertThatThrownBy(() -> AuditConfigLoader.load(file, Map.of()))
                .hasMessage("config field 'seeds' must be a whole number, got 2.5");
        Files.writeString(file, "{\"seeds\": 2,\n \"target\" \"S\"}");
        assertThatThrownBy(() -> AuditConfigLoader.load(file, Map.of()))
                .hasMessageContaining("not valid JSON at line 2");
        assertThatThrownBy(() -> AuditConfigLoader.load().requireKnownModels(List.of("S", "R1")))
                .hasMessage("config field 'references' unknown model 'R2' (known: S, R1)");
    }
}
