package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One paraphrase of a family: a pattern of literal words and {@code {slot}} placeholders, such as
 * {@code "what colour is {subject.the}?"}. The same pattern drives writing and parsing, so every
 * written question parses back. Held-out templates are kept for test time only.
 *
 * @param id stable identifier, for example {@code "color.what"}
 * @param heldOut whether the template is reserved for evaluation (never shown in training)
 */
public record Template(String id, Family family, String pattern, boolean heldOut) {
    private static final Pattern SLOT = Pattern.compile("\\{([a-zA-Z.]+)}");

    public Template {
        Objects.requireNonNull(family, "family");
        if (id == null || !id.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("template id must look like 'family.name', got '" + id + "'");
        }
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("template " + id + " has an empty pattern");
        }
        parts(pattern);
    }

    /** A literal word or punctuation mark of a pattern. */
    record Word(String text) implements Part {
        boolean punct() {
            return text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0));
        }
    }

    /** A placeholder of a pattern. */
    record Hole(Slot slot) implements Part {
    }

    /** The pieces of a pattern, in order. */
    sealed interface Part permits Word, Hole {
    }

    List<Part> parts() {
        return COMPILED.computeIfAbsent(pattern, Template::parts);
    }

    private static final java.util.Map<String, List<Part>> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Part> parts(String pattern) {
        List<Part> out = new ArrayList<>();
        Matcher m = SLOT.matcher(pattern);
        int at = 0;
        while (m.find()) {
            words(pattern.substring(at, m.start()), out);
            out.add(new Hole(Slot.byKey(m.group(1))));
            at = m.end();
        }
        words(pattern.substring(at), out);
        return List.copyOf(out);
    }

    private static void words(String text, List<Part> out) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '-') {
                w.append(c);
            } else {
                if (w.length() > 0) {
                    out.add(new Word(w.toString()));
                    w.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    out.add(new Word(String.valueOf(c)));
                }
            }
        }
        if (w.length() > 0) {
            out.add(new Word(w.toString()));
        }
    }
}
