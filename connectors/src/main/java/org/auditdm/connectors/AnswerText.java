package org.auditdm.connectors;

/** How a free-text reply becomes an answer. */
final class AnswerText {
    private AnswerText() {
    }

    /** The first non-blank line of {@code reply}, trimmed; empty if there is none. */
    static String firstLine(String reply) {
        if (reply == null) {
            return "";
        }
        for (String line : reply.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }
}
