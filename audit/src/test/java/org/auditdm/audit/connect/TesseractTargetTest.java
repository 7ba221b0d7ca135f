package org.auditdm.audit.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.CallStats;
import org.auditdm.connectors.ResilientTarget;
import org.auditdm.connectors.TargetFactory;
import org.auditdm.connectors.TargetSpec;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.TextSize;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real command-line target not written by this project: Tesseract OCR (Debian's tesseract-ocr, installed by
 * .ci/run) behind scripts/tesseract-answer, asked to read rendered signs through a command target spec.
 * Skipped, with a message, only where tesseract is not installed.
 */
class TesseractTargetTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "tesseract-answer").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static boolean tesseractInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "tesseract"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tesseractReadsRenderedSignsAndQuestionTextCannotRunAnything() throws Exception {
        Assumptions.assumeTrue(tesseractInstalled(),
                "tesseract is not installed: .ci/run installs it (apt-get install tesseract-ocr)");
        TargetSpec spec = TargetSpec.parse("{\"kind\": \"command\", \"name\": \"ocr\", \"command\": [\"" + SCRIPT
                + "\", \"{image}\", \"{question}\"], \"timeoutSeconds\": 30, \"maxAttempts\": 1}");
        Path marker = tmp.resolve("pwned");
        List<String> words = List.of("STOP", "OPEN", "EXIT", "SALE", "HOTEL");
        List<VisualQuestion> questions = new ArrayList<>();
        Renderer renderer = new Renderer();
        for (String w : words) {
            Scene sign = Scene.ofSign(new Sign(w, NamedColor.BLACK, NamedColor.WHITE, TextSize.LARGE, 0, 0.5, 0.5),
                    Backdrop.PLAIN_WHITE);
            questions.add(new VisualQuestion(renderer.render(sign, 256), "what does the sign say?"));
        }
        // Shell syntax in a question is plain text to a command target.
        String hostile = "what does it say?\"; touch " + marker + "; $(touch " + marker + ") `touch " + marker + "`\nls";
        questions.add(new VisualQuestion(questions.get(0).image(), hostile));

        try (TargetFactory factory = TargetFactory.system(null)) {
            VisionLanguageModel ocr = factory.create(spec);
            List<ResilientTarget.Outcome> outcomes = ((ResilientTarget) ocr).answerEach(questions);
            NormalizingJudge judge = new NormalizingJudge();
            int answered = 0;
            int right = 0;
            for (int i = 0; i < words.size(); i++) {
                ResilientTarget.Outcome o = outcomes.get(i);
                if (o.ok()) {
                    answered++;
                    if (judge.same(o.answer().text(), words.get(i).toLowerCase(Locale.ROOT))) {
                        right++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "tesseract: %d of %d signs answered, %d read right%n", answered,
                    words.size(), right);
            assertThat(answered).as("signs tesseract answered").isGreaterThanOrEqualTo(words.size() - 1);
            assertThat(right).as("signs tesseract read right").isGreaterThanOrEqualTo(3);
            assertThat(outcomes.get(words.size()).ok()).isTrue();
            assertThat(outcomes.get(words.size()).answer().text()).isEqualTo(outcomes.get(0).answer().text());
            assertThat(marker).doesNotExist();
            CallStats s = ((ResilientTarget) ocr).stats();
            assertThat(s.requests()).isEqualTo(questions.size());
            assertThat(s.calls()).isEqualTo(s.answered() + s.failedCalls());
        }
    }
}
