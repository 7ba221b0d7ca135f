package org.auditdm.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.TargetCallException.Reason;

/**
 * Any program that answers a question about an image. The program runs directly through
 * {@link ProcessBuilder}, never through a shell: {@code {image}} and {@code {question}} inside the argument
 * list are replaced by the path of a temporary PNG and by the question text, each landing inside one
 * argument, so quotes, {@code ;}, {@code $()}, backticks and newlines in a question are plain characters.
 * (A question starting with {@code -} may still look like an option to the program: put {@code --} before
 * {@code {question}} if the program supports it.)
 *
 * <p>Standard input is empty; the first non-blank line of standard output, trimmed, is the answer. A
 * non-zero exit, an empty answer or the timeout (after which the process and all its descendants are
 * killed) is a {@link TargetCallException} with the tail of standard error.
 */
public final class CommandTarget implements VisionLanguageModel {
    /** Placeholder for the image path. */
    public static final String IMAGE = "{image}";
    /** Placeholder for the question text. */
    public static final String QUESTION = "{question}";

    private static final int MAX_OUTPUT = 64 * 1024;
    private static final int STDERR_TAIL = 500;

    private final String id;
    private final List<String> command;
    private final Duration timeout;

    /**
     * @param id the target's id
     * @param command program and arguments; must contain {@code {image}} and {@code {question}}
     * @param timeout how long one answer may take
     */
    public CommandTarget(String id, List<String> command, Duration timeout) {
        this.id = Objects.requireNonNull(id, "id");
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("field 'command' must name a program and its arguments");
        }
        if (command.stream().noneMatch(a -> a.contains(IMAGE)) || command.stream().noneMatch(a -> a.contains(QUESTION))) {
            throw new IllegalArgumentException("field 'command' must contain the placeholders " + IMAGE + " and "
                    + QUESTION + ", got " + command);
        }
        this.command = List.copyOf(command);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("field 'timeoutSeconds' must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return id;
    }

    public List<String> command() {
        return command;
    }

    @Override
    public Answer answer(VisualQuestion question) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("auditdm-cmd-");
            Path image = dir.resolve("image.png");
            Files.write(image, question.image().toPng());
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            List<String> argv = new ArrayList<>(command.size());
            for (String a : command) {
                // One pass per placeholder over the template only, so text in the question is never re-expanded.
                argv.add(substitute(a, image.toString(), question.question()));
            }
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw TargetCallException.of(id, Reason.PROCESS_FAILED, 0, null,
                        "cannot start " + command.get(0) + ": " + e.getMessage());
            }
            boolean finished;
            try {
                finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                destroyTree(p);
                Thread.currentThread().interrupt();
                throw TargetCallException.of(id, Reason.INTERRUPTED, 0, null, "interrupted");
            }
            if (!finished) {
                destroyTree(p);
                throw TargetCallException.of(id, Reason.TIMEOUT, 0, null, "no answer within " + timeout.toMillis()
                        + " ms (process killed)" + tail(err));
            }
            if (p.exitValue() != 0) {
                throw TargetCallException.of(id, Reason.PROCESS_FAILED, 0, null, "exit status " + p.exitValue() + tail(err));
            }
            String answer = AnswerText.firstLine(read(out, MAX_OUTPUT));
            if (answer.isEmpty()) {
                throw TargetCallException.of(id, Reason.EMPTY_ANSWER, 0, null, "no output" + tail(err));
            }
            return Answer.of(answer);
        } catch (IOException e) {
            throw TargetCallException.of(id, Reason.OTHER, 0, null, "temporary files: " + e.getMessage());
        } finally {
            deleteQuietly(dir);
        }
    }

    static String substitute(String template, String image, String question) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith(IMAGE, i)) {
                b.append(image);
                i += IMAGE.length();
            } else if (template.startsWith(QUESTION, i)) {
                b.append(question);
                i += QUESTION.length();
            } else {
                b.append(template.charAt(i++));
            }
        }
        return b.toString();
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path err) {
        String s = read(err, MAX_OUTPUT).strip();
        if (s.isEmpty()) {
            return "";
        }
        if (s.length() > STDERR_TAIL) {
            s = "..." + s.substring(s.length() - STDERR_TAIL);
        }
        return "; stderr: " + s;
    }

    private static String read(Path file, int max) {
        try {
            byte[] b = Files.readAllBytes(file);
            int n = Math.min(b.length, max);
            return new String(b, 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp file is harmless
        }
    }

    @Override
    public String toString() {
        return "CommandTarget[" + id + ", " + command + ", timeout " + timeout.toMillis() + " ms]";
    }
}
