package org.auditdm.report;

/**
 * Escapes text for HTML. Everything shown in a report that came from a model or a file (answers,
 * questions, edit texts, names) goes through here, so a model answer such as
 * {@code <script>...</script>} is displayed as text and never interpreted.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    /**
     * The text with {@code & < > " '} replaced by character references: safe both between tags and
     * inside a quoted attribute value. Null becomes the empty string.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null && !Character.isISOControl(c) || c == '\n' || c == '\t') {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16);
                sb.append(s, 0, i);
            }
            // Control characters other than newline and tab are dropped: they have no business in a page.
            if (replacement != null) {
                sb.append(replacement);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
