package org.auditdm.connectors;

import java.util.Collection;
import java.util.Objects;

/**
 * A credential read from the environment. It prints as {@code ***} everywhere ({@link #toString()}), and
 * {@link #redact} removes its value from any text before that text reaches a message or a log.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Reads a secret from the environment variable {@code name}; a clear error names the variable if unset. */
    public static Secret fromEnv(String name, java.util.function.Function<String, String> environment, String field) {
        Objects.requireNonNull(name, "name");
        String v = environment.apply(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "': environment variable " + name + " is not set");
        }
        return new Secret(v.strip());
    }

    /** Wraps a value known to be secret (tests, programmatic use). */
    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The value, for the one place that must send it (an HTTP header). */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of any of the secrets replaced by {@code ***}. */
    public static String redact(String text, Collection<Secret> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Secret s : secrets) {
            out = out.replace(s.value, "***");
        }
        return out;
    }

    @Override
    public String toString() {
        return "***";
    }
}
