package org.auditdm.audit.photo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.auditdm.api.Picture;

/**
 * An image generator that is a local program (for example a script around a diffusion model). It runs
 * directly, never through a shell, with these placeholders replaced inside its arguments: {@code {caption}},
 * {@code {output}} (the path of the PNG or JPEG it must write), {@code {side}} and {@code {seed}}. The written
 * image is read defensively ({@link PhotoDecoder}) and fitted to {@code side} ({@link Letterbox}). A non-zero
 * exit, a missing or unreadable output, or the timeout (the process tree is killed) is an
 * {@link IllegalArgumentException}.
 */
public final class CommandImageGenerator implements ImageGenerator {
    private final List<String> command;
    private final Duration timeout;

    public CommandImageGenerator(List<String> command, Duration timeout) {
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("image generator: the command must name a program");
        }
        if (command.stream().noneMatch(a -> a.contains("{caption}")) || command.stream().noneMatch(a -> a.contains("{output}"))) {
            throw new IllegalArgumentException("image generator: the command must contain {caption} and {output}, got "
                    + command);
        }
        this.command = List.copyOf(command);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String id() {
        return "command:" + Path.of(command.get(0)).getFileName();
    }

    @Override
    public Picture generate(String caption, int side, long seed) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("auditdm-gen-");
            Path out = dir.resolve("image.png");
            List<String> args = new ArrayList<>();
            for (String a : command) {
                args.add(a.replace("{caption}", caption).replace("{output}", out.toString())
                        .replace("{side}", Integer.toString(side)).replace("{seed}", Long.toString(seed)));
            }
            Process p = new ProcessBuilder(args).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalArgumentException(id() + " timed out after " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
                throw new IllegalArgumentException(id() + " exited with " + p.exitValue() + ": "
                        + log.substring(Math.max(0, log.length() - 300)).strip());
            }
            if (!Files.isRegularFile(out)) {
                throw new IllegalArgumentException(id() + " wrote no image to {output}");
            }
            return Letterbox.fit(PhotoDecoder.defaults().read(out), side);
        } catch (IOException e) {
            throw new IllegalArgumentException(id() + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(id() + " was interrupted");
        } finally {
            delete(dir);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
