package org.auditdm.failures;

import java.util.Comparator;
import java.util.Objects;

/**
 * One attribute of a probe or finding, read from its text and answers: {@code family=count},
 * {@code subject.color=orange}, {@code edit=recolor}, {@code consensus=orange}, {@code error=undercount}.
 * Failure types are defined by the facets their members share.
 *
 * @param key what the facet is about (see {@link Facets} for the keys)
 * @param value its value, lower case
 */
public record Facet(String key, String value) implements Comparable<Facet> {
    private static final Comparator<Facet> ORDER = Comparator.comparing(Facet::key).thenComparing(Facet::value);

    public Facet {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("a facet needs a key and a value, got '" + key + "=" + value + "'");
        }
    }

    /** Parses {@code key=value}. */
    public static Facet parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("a facet is written key=value, got '" + text + "'");
        }
        return new Facet(text.substring(0, eq), text.substring(eq + 1));
    }

    /** Whether the facet describes the answers (known only after the models answered), not the probe's input. */
    public boolean aboutAnswers() {
        return key.startsWith("consensus") || key.startsWith("target") || key.equals("error");
    }

    @Override
    public int compareTo(Facet o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
