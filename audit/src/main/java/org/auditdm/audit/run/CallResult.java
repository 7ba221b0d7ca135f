package org.auditdm.audit.run;

/**
 * The outcome of asking one model one question: its answer, or the error that remained after all
 * attempts.
 *
 * @param answer the answer text, or null when the call failed
 * @param probability the model's probability of its answer, NaN when it does not say (or the call failed)
 * @param error why the call failed, or null
 * @param attempts calls made for this question (a successful batch call counts as one)
 */
public record CallResult(String answer, double probability, String error, int attempts) {
    public CallResult {
        if ((answer == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of answer and error must be set");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** A result without a probability. */
    public CallResult(String answer, String error, int attempts) {
        this(answer, Double.NaN, error, attempts);
    }

    public boolean ok() {
        return answer != null;
    }
}
