package org.auditdm.world.caption;

import java.util.Locale;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.text.ParseException;
import org.auditdm.world.text.Token;
import org.auditdm.world.text.Tokens;

/**
 * Written text inside captions and edit commands (sign text, object labels): one bare word or
 * number ({@code STOP}, {@code 50}), or anything allowed in double quotes ({@code "NO ENTRY"}).
 * Text is upper-cased, as signs and labels are.
 */
public final class TextLiteral {
    private TextLiteral() {
    }

    /**
     * Reads text at the cursor.
     *
     * @param what "sign text" or "label", for messages
     * @param max longest allowed text
     */
    public static String read(Tokens t, String what, int max) {
        Token first = t.peek();
        if (first == null) {
            throw t.error("expected the " + what + " but the input ended");
        }
        String text;
        if (first.is("\"")) {
            t.next();
            Token close = null;
            while (!t.atEnd()) {
                Token k = t.next();
                if (k.is("\"")) {
                    close = k;
                    break;
                }
            }
            if (close == null) {
                throw new ParseException("the quoted " + what + " is not closed", t.input(), first.start());
            }
            text = t.input().substring(first.start() + 1, close.start()).trim().toUpperCase(Locale.ROOT);
        } else {
            if (first.isPunct()) {
                throw t.error("expected the " + what + " but found '" + first.text() + "'");
            }
            t.next();
            text = first.text().toUpperCase(Locale.ROOT);
        }
        if (text.isEmpty()) {
            throw new ParseException("the " + what + " is empty", t.input(), first.start());
        }
        if (text.length() > max) {
            throw new ParseException("the " + what + " '" + text + "' is " + text.length()
                    + " characters long; the limit is " + max, t.input(), first.start());
        }
        if (!Limits.TEXT.matcher(text).matches()) {
            throw new ParseException("the " + what + " '" + text + "' may contain only A-Z, 0-9, spaces and !?.:-",
                    t.input(), first.start());
        }
        return text;
    }

    /** The canonical way to write text so that {@link #read} gives it back. */
    public static String write(String text) {
        return text.matches("[A-Z0-9]+") ? text : "\"" + text + "\"";
    }
}
