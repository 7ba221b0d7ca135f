package org.auditdm.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.auditdm.api.VisionLanguageModel;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An API key reaches the server and nowhere else: not exceptions, toString, specs, manifests or logs. */
class RedactionTest {
    private static final String KEY = "sk-test-5ecret-K3y-0123456789abcdef";
    private static final String AZURE = "azure-5ecret-value-987";

    @Test
    void keysNeverLeakEvenWhenTheServerEchoesThem() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        // The server reflects the credentials in its error body, as some proxies do.
        try (FakeServer server = new FakeServer(req -> FakeServer.Reply.json(
                req.body().contains("unauthorised") ? 401 : 500,
                "{\"error\":{\"message\":\"bad key " + req.header("Authorization") + " / " + req.header("api-key")
                        + "\"}}"))) {
            TargetSpec spec = TargetSpec.parse("{\"kind\":\"openai\",\"model\":\"m\",\"baseUrl\":\"" + server.url()
                    + "/v1\",\"apiKeyEnv\":\"MY_KEY\",\"headerEnv\":{\"api-key\":\"AZURE_KEY\"},\"maxAttempts\":2}");
            try (TargetFactory f = new TargetFactory(Map.of("MY_KEY", KEY, "AZURE_KEY", AZURE)::get, null, d -> { })) {
                VisionLanguageModel t = f.create(spec);
                StringBuilder seen = new StringBuilder();
                for (String question : new String[] {"unauthorised?", "server error?"}) {
                    assertThatThrownBy(() -> t.answer(new org.auditdm.api.VisualQuestion(Fixtures.picture(1, 8),
                            question))).isInstanceOfSatisfying(TargetCallException.class, e -> {
                                seen.append(e.getMessage()).append(stackTrace(e));
                                assertThat(e.getMessage()).contains("***");
                            });
                }
                // The key did reach the server (so the test could fail).
                assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
                assertThat(server.requests.get(0).header("api-key")).isEqualTo(AZURE);
                seen.append(t).append(spec).append(spec.toJson()).append(spec.settingsKey())
                        .append(((ResilientTarget) t).delegate()).append(((ResilientTarget) t).stats());
                for (ILoggingEvent e : logs.list) {
                    seen.append(e.getFormattedMessage());
                    if (e.getThrowableProxy() != null) {
                        seen.append(e.getThrowableProxy().getMessage());
                    }
                }
                assertThat(seen.toString()).doesNotContain(KEY).doesNotContain(AZURE).contains("MY_KEY");
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }

    @Test
    void aMissingKeyVariableIsNamedAndSecretsPrintAsStars() {
        TargetSpec spec = TargetSpec.parse("{\"kind\":\"gemini\",\"model\":\"gemini-2.0-flash\"}");
        try (TargetFactory f = new TargetFactory(Map.<String, String>of()::get, null, d -> { })) {
            assertThatThrownBy(() -> f.create(spec)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("GEMINI_API_KEY").hasMessageContaining("apiKeyEnv");
        }
        assertThat(Secret.of(KEY).toString()).isEqualTo("***");
        assertThat(Secret.redact("x " + KEY + " y", java.util.List.of(Secret.of(KEY)))).isEqualTo("x *** y");
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
