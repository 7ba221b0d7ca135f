package org.auditdm.world.text;

/**
 * Text that could not be understood: a caption, an edit command or a question. The message names
 * the problem and its position (1-based column) and quotes the input with a caret under the spot.
 */
public final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String input;
    private final int position;

    /**
     * @param position 0-based character offset of the problem in {@code input}
     */
    public ParseException(String problem, String input, int position) {
        super(format(problem, input, position));
        this.problem = problem;
        this.input = input;
        this.position = position;
    }

    private static String format(String problem, String input, int position) {
        int pos = Math.max(0, Math.min(position, input == null ? 0 : input.length()));
        if (input == null) {
            return problem;
        }
        return problem + " at column " + (pos + 1) + "\n  " + input + "\n  " + " ".repeat(pos) + "^";
    }

    /** The problem alone, without position. */
    public String problem() {
        return problem;
    }

    public String input() {
        return input;
    }

    /** 0-based character offset. */
    public int position() {
        return position;
    }
}
