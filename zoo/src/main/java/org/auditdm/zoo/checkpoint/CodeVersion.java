package org.auditdm.zoo.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The code version recorded in checkpoints: system property {@code auditdm.gitCommit}, else environment
 * variable {@code AUDITDM_GIT_COMMIT}, else {@code git rev-parse HEAD} (best effort, 5 s), else "unknown".
 */
public final class CodeVersion {
    private static volatile String cached;

    private CodeVersion() {
    }

    public static String current() {
        String v = cached;
        if (v == null) {
            v = lookup();
            cached = v;
        }
        return v;
    }

    private static String lookup() {
        String p = System.getProperty("auditdm.gitCommit");
        if (p != null && !p.isBlank()) {
            return p.trim();
        }
        String e = System.getenv("AUDITDM_GIT_COMMIT");
        if (e != null && !e.isBlank()) {
            return e.trim();
        }
        try {
            Process proc = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!proc.waitFor(5, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return "unknown";
            }
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return proc.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException ex) {
            return "unknown";
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
