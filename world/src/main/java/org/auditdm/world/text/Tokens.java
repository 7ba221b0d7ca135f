package org.auditdm.world.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.auditdm.world.scene.Limits;

/**
 * A cursor over the tokens of one input. Words are runs of letters (with inner apostrophes or
 * hyphens), numbers are runs of digits, a clock time {@code 3:45} is one token, and every other
 * visible character is a token of its own.
 */
public final class Tokens {
    private final String input;
    private final List<Token> tokens;
    private int pos;

    private Tokens(String input, List<Token> tokens) {
        this.input = input;
        this.tokens = tokens;
    }

    /**
     * Tokenizes {@code input}.
     *
     * @throws ParseException when the input is empty, too long or has control characters
     */
    public static Tokens of(String what, String input) {
        return of(what, input, Limits.MAX_TEXT_LENGTH);
    }

    /**
     * Tokenizes {@code input} with a length limit of its own (captions of full scenes are longer
     * than commands and questions).
     *
     * @throws ParseException when the input is empty, longer than {@code maxLength} or has control
     *     characters
     */
    public static Tokens of(String what, String input, int maxLength) {
        if (input == null || input.isBlank()) {
            throw new ParseException(what + " is empty", input == null ? "" : input, 0);
        }
        if (input.length() > maxLength) {
            throw new ParseException(what + " is " + input.length() + " characters long; the limit is "
                    + maxLength, input.substring(0, 60) + "...", 60);
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isISOControl(c)) {
                throw new ParseException("control character U+" + String.format("%04X", (int) c) + " in " + what,
                        input, i);
            } else if (Character.isLetter(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(input.charAt(j))
                        || ((input.charAt(j) == '\'' || input.charAt(j) == '-') && j + 1 < n
                            && Character.isLetter(input.charAt(j + 1))))) {
                    j++;
                }
                add(out, input, i, j);
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && Character.isDigit(input.charAt(j))) {
                    j++;
                }
                // a clock time such as 3:45 is one token
                if (j + 2 < n && input.charAt(j) == ':'
                        && Character.isDigit(input.charAt(j + 1)) && Character.isDigit(input.charAt(j + 2))) {
                    j += 3;
                }
                add(out, input, i, j);
                i = j;
            } else {
                add(out, input, i, i + 1);
                i++;
            }
        }
        return new Tokens(input, out);
    }

    private static void add(List<Token> out, String input, int from, int to) {
        String t = input.substring(from, to);
        out.add(new Token(t, t.toLowerCase(Locale.ROOT), from));
    }

    public String input() {
        return input;
    }

    public List<Token> all() {
        return List.copyOf(tokens);
    }

    public int mark() {
        return pos;
    }

    public void reset(int mark) {
        pos = mark;
    }

    public boolean atEnd() {
        return pos >= tokens.size();
    }

    /** The current token, or null at the end. */
    public Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    /** The token {@code k} places ahead, or null. */
    public Token peek(int k) {
        return pos + k < tokens.size() ? tokens.get(pos + k) : null;
    }

    public Token next() {
        if (atEnd()) {
            throw error("unexpected end of input");
        }
        return tokens.get(pos++);
    }

    /** Consumes the current token if it is {@code word}. */
    public boolean accept(String word) {
        Token t = peek();
        if (t != null && t.is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes the given words in sequence, or nothing. */
    public boolean acceptAll(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(words[k])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    /** Consumes {@code word} or fails naming what was expected. */
    public void expect(String word) {
        Token t = peek();
        if (t == null || !t.is(word)) {
            throw error("expected '" + word + "'" + (t == null ? " but the input ended" : " but found '" + t.text() + "'"));
        }
        pos++;
    }

    /** Offset of the current token (or the end of input). */
    public int offset() {
        Token t = peek();
        return t == null ? input.length() : t.start();
    }

    /** A parse error at the current token. */
    public ParseException error(String problem) {
        return new ParseException(problem, input, offset());
    }

    /** A parse error at a given token. */
    public ParseException error(String problem, Token at) {
        return new ParseException(problem, input, at == null ? input.length() : at.start());
    }

    /** Fails unless all input (save trailing '?', '.' or '!') has been consumed. */
    public void expectEnd() {
        while (!atEnd() && (peek().is("?") || peek().is(".") || peek().is("!"))) {
            pos++;
        }
        if (!atEnd()) {
            throw error("unexpected '" + peek().text() + "'");
        }
    }
}
