package org.auditdm.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.TargetCallException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTargetTest {
    private static VisualQuestion q(String text) {
        return new VisualQuestion(Fixtures.picture(5, 8), text);
    }

    @Test
    void hostileQuestionsArePlainTextToTheProgram(@TempDir Path dir) {
        Path marker = dir.resolve("pwned");
        String m = marker.toString();
        List<String> hostile = List.of(
                "what colour\"; touch " + m + "; echo \"",
                "is it red? $(touch " + m + ")",
                "count `touch " + m + "` them",
                "x' ; touch " + m + " ; echo '",
                "a && touch " + m + " || true | cat > " + m,
                "${IFS}touch${IFS}" + m,
                "%s %n %x \\ * ? ~ > " + m);
        CommandTarget printf = new CommandTarget("cmd", List.of("printf", "%s\\n", "{question}", "{image}"),
                Duration.ofSeconds(10));
        CommandTarget echo = new CommandTarget("cmd", List.of("/bin/echo", "{question}", "{image}"),
                Duration.ofSeconds(10));
        for (String h : hostile) {
            assertThat(printf.answer(q(h)).text()).isEqualTo(h.strip());
            assertThat(echo.answer(q(h)).text()).startsWith(h.strip());
        }
        // A newline cannot start a second command either: only the first line is the answer.
        assertThat(printf.answer(q("first line\ntouch " + m + "\n$(touch " + m + ")")).text()).isEqualTo("first line");
        assertThat(marker).doesNotExist();
    }

    @Test
    void theImageIsAReadablePngAndPlaceholdersWorkInsideArguments() {
        CommandTarget t = new CommandTarget("file", List.of("/bin/sh", "-c",
                "head -c 8 \"$1\" | od -An -tx1 | tr -d ' \\n'; printf ' %s' \"$2\"", "sh", "{image}", "q={question}"),
                Duration.ofSeconds(10));
        assertThat(t.answer(q("how many?")).text()).isEqualTo("89504e470d0a1a0a q=how many?");
    }

    @Test
    void nonZeroExitIsAnErrorWithTheTailOfStderr() {
        CommandTarget t = new CommandTarget("bad", List.of("/bin/sh", "-c", "echo partial; echo 'model not found' >&2; "
                + "exit 3", "sh", "{image}", "{question}"), Duration.ofSeconds(10));
        assertThatThrownBy(() -> t.answer(q("what?"))).isInstanceOfSatisfying(TargetCallException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PROCESS_FAILED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("exit status 3").contains("model not found");
        });
        CommandTarget silent = new CommandTarget("silent", List.of("/bin/sh", "-c", "true", "sh", "{image}",
                "{question}"), Duration.ofSeconds(10));
        assertThatThrownBy(() -> silent.answer(q("what?"))).isInstanceOfSatisfying(TargetCallException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_ANSWER));
        CommandTarget missing = new CommandTarget("missing", List.of("/no/such/program", "{image}", "{question}"),
                Duration.ofSeconds(10));
        assertThatThrownBy(() -> missing.answer(q("what?"))).isInstanceOf(TargetCallException.class)
                .hasMessageContaining("cannot start");
    }

    @Test
    void aTimeoutKillsTheProcessTree(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        CommandTarget t = new CommandTarget("slow", List.of("/bin/sh", "-c",
                "sleep 30 & echo $! > " + pidFile + "; wait", "sh", "{image}", "{question}"), Duration.ofMillis(700));
        long start = System.nanoTime();
        assertThatThrownBy(() -> t.answer(q("what?"))).isInstanceOfSatisfying(TargetCallException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.retryable()).isTrue();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void configurationErrorsNameTheField() {
        assertThatThrownBy(() -> new CommandTarget("x", List.of("echo", "{question}"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'command'")
                .hasMessageContaining("{image}");
        assertThatThrownBy(() -> new CommandTarget("x", List.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("'command'");
        assertThatThrownBy(() -> new CommandTarget("x", List.of("a", "{image}", "{question}"), Duration.ZERO))
                .hasMessageContaining("'timeoutSeconds'");
    }

    @Test
    void substitutionNeverReexpandsPlaceholdersInTheQuestion() {
        assertThat(CommandTarget.substitute("{question}", "/tmp/i.png", "show {image}"))
                .isEqualTo("show {image}");
    }
}
