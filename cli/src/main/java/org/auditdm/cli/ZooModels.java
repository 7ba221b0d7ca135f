package org.auditdm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds zoo checkpoints by name. A name that is a directory is used as is; otherwise
 * {@code S}, {@code M} or {@code L} resolve to {@code models/zoo/NAME} under the auditdm home (the
 * repository, set by the launcher as {@code -Dauditdm.home}, else the working directory).
 */
final class ZooModels {
    private ZooModels() {
    }

    static Path home() {
        String h = System.getProperty("auditdm.home");
        return Path.of(h == null || h.isBlank() ? "." : h);
    }

    /** Where the committed base auditor lives. */
    static Path baseAuditor() {
        return home().resolve("models").resolve("auditor").resolve("base");
    }

    /** Where the committed checkpoint of a preset lives. */
    static Path committed(String name) {
        return home().resolve("models").resolve("zoo").resolve(name.toUpperCase(Locale.ROOT));
    }

    static Path resolve(String name) {
        Path asGiven = Path.of(name);
        if (Files.isDirectory(asGiven)) {
            return asGiven;
        }
        Path preset = committed(name);
        if (Files.isDirectory(preset)) {
            return preset;
        }
        throw new IllegalArgumentException("no zoo model '" + name + "': not a checkpoint directory, and "
                + preset + " does not exist (train it with: auditdm zoo train --model " + name + ")");
    }
}
