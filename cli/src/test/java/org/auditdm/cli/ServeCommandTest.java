package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.OpenAiCompatibleTarget;
import org.auditdm.connectors.RemoteSettings;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The parity test on a real (tiny, untrained) zoo checkpoint served by {@code auditdm serve}. */
class ServeCommandTest {
    private static final QuestionVocabulary QV = QuestionVocabulary.build(
            List.of("what colour is the square", "is the square on the left", "how many circles"), 1, 100);
    private static final AnswerVocabulary AV = new AnswerVocabulary(List.of("red", "green", "blue", "yes", "no", "3"));

    @Test
    void servedZooModelsAnswerExactlyAsInProcess(@TempDir Path tmp) {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        Path film = tmp.resolve("film");
        Path transformer = tmp.resolve("tf");
        try (ZooModel a = ZooModel.initialise("a", ModelSpec.TINY_FILM, QV, AV, 3);
             ZooModel b = ZooModel.initialise("b", ModelSpec.TINY_TRANSFORMER, QV, AV, 4)) {
            Checkpoints.save(a, film, Precision.FLOAT32, null, null, null, null, clock);
            Checkpoints.save(b, transformer, Precision.FLOAT32, null, null, null, null, clock);
        }
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--model", film + ",tiny=" + transformer, "--port", "0");
        SplittableRandom rng = new SplittableRandom(5);
        String[] qs = {"what colour is the square?", "is the square on the left?", "how many circles?"};
        try (ServeCommand.Running running = cmd.start();
             Checkpoints.Loaded fa = Checkpoints.load(film);
             Checkpoints.Loaded fb = Checkpoints.load(transformer)) {
            assertThat(running.server().modelNames()).containsExactly("film", "tiny");
            assertThat(running.server().baseUrl()).startsWith("http://127.0.0.1:");
            Map<String, ZooModel> inProcess = Map.of("film", fa.model(), "tiny", fb.model());
            int differ = 0;
            for (int i = 0; i < 20; i++) {
                int[] px = new int[64 * 64];
                for (int j = 0; j < px.length; j++) {
                    px[j] = rng.nextInt(1 << 24);
                }
                VisualQuestion q = new VisualQuestion(Picture.of(64, 64, px), qs[i % qs.length]);
                for (var e : inProcess.entrySet()) {
                    OpenAiCompatibleTarget t = new OpenAiCompatibleTarget(new RemoteSettings("openai:" + e.getKey(),
                            running.server().baseUrl(), e.getKey(), Map.of(), 8, Duration.ofSeconds(30), null),
                            null, Map.of());
                    assertThat(t.answer(q).text()).isEqualTo(e.getValue().answer(q).text());
                }
                if (!fa.model().answer(q).text().equals(fb.model().answer(q).text())) {
                    differ++;
                }
            }
            assertThat(running.server().served()).isEqualTo(40);
            assertThat(differ).as("the two models must differ for routing to be tested").isPositive();
        }
    }

    @Test
    void anUnknownModelIsOneReadableError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--model", "/nonexistent/ckpt", "--port", "0"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: no zoo model '/nonexistent/ckpt'");
    }
}
