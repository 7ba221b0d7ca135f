package org.auditdm.audit.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The code version a run was made with, best effort: {@code git rev-parse HEAD} and whether
 * {@code git status --porcelain} shows local changes.
 *
 * @param commit the 40-hex commit, or "unknown" when git or the repository is unavailable
 * @param dirty whether the working tree had uncommitted changes; null when unknown
 */
public record GitState(String commit, Boolean dirty) {
    public static final GitState UNKNOWN = new GitState("unknown", null);

    /** Asks git about the repository containing {@code dir} (5 s per command). */
    public static GitState of(Path dir) {
        Optional<String> head = run(dir, "git", "rev-parse", "HEAD");
        if (head.isEmpty() || !head.get().trim().matches("[0-9a-f]{40}")) {
            return UNKNOWN;
        }
        Optional<String> status = run(dir, "git", "status", "--porcelain");
        return new GitState(head.get().trim(), status.map(s -> !s.isBlank()).orElse(null));
    }

    private static Optional<String> run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
