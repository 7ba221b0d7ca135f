package org.auditdm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, for screenshots of reports (and, in tests, for checking them in a real browser).
 * It is always started with a fresh profile and with every background network feature off, so it
 * touches nothing but the page it is given.
 */
public final class Chromium {
    /** Debian's launcher (package {@code chromium}). */
    public static final Path DEBIAN = Path.of("/usr/bin/chromium");
    /** Environment variable naming another Chromium or Chrome binary. */
    public static final String ENV = "AUDITDM_CHROMIUM";
    /** The flags every headless start needs on a server without a display, GPU or internet. */
    public static final List<String> HEADLESS_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", "--mute-audio");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    public Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser named by {@value #ENV}, else Debian's; empty when neither is executable. */
    public static Optional<Chromium> find() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Optional.of(new Chromium(Path.of(env)));
        }
        return Files.isExecutable(DEBIAN) ? Optional.of(new Chromium(DEBIAN)) : Optional.empty();
    }

    /** {@link #find()}, or an error saying how to install it. */
    public static Chromium require() {
        return find().orElseThrow(() -> new IllegalStateException("chromium not found at " + DEBIAN
                + " (install it with: apt-get install -y chromium, or set " + ENV + ")"));
    }

    public Path binary() {
        return binary;
    }

    /** The command line: binary, headless flags, a profile directory, then {@code extra}. */
    public List<String> command(Path profile, List<String> extra) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(HEADLESS_FLAGS);
        cmd.add("--user-data-dir=" + profile.toAbsolutePath());
        cmd.addAll(extra);
        return cmd;
    }

    /**
     * Writes a PNG screenshot of a local HTML file.
     *
     * @param width window width in CSS pixels
     * @param height window height: the screenshot shows the top {@code height} pixels of the page
     */
    public void screenshot(Path html, Path png, int width, int height) {
        if (!Files.isRegularFile(html)) {
            throw new IllegalArgumentException("no such HTML file: " + html);
        }
        Path profile = null;
        try {
            profile = Files.createTempDirectory("auditdm-chromium-");
            Path log = profile.resolve("chromium.log");
            Path target = png.toAbsolutePath();
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.deleteIfExists(target);
            List<String> cmd = command(profile.resolve("profile"), List.of("--screenshot=" + target,
                    "--window-size=" + width + "," + height, html.toAbsolutePath().toUri().toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium took more than " + TIMEOUT_SECONDS + " s for the screenshot");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(target) || Files.size(target) == 0) {
                throw new IllegalStateException("chromium could not take the screenshot (exit " + p.exitValue() + "): "
                        + lastLines(log, 3));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run chromium " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for chromium");
        } finally {
            deleteQuietly(profile);
        }
    }

    private static String lastLines(Path log, int n) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains("dbus") && !l.isBlank()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Removes a temporary directory tree; best effort (Chromium may still be closing files). */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Same: best effort.
        }
    }
}
