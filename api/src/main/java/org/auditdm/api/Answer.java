package org.auditdm.api;

import java.util.Objects;

/**
 * A model's answer to a visual question: its text and the model's own probability for it
 * ({@code NaN} when the model cannot say).
 */
public record Answer(String text, double probability) {
    public Answer {
        Objects.requireNonNull(text, "text");
        if (!Double.isNaN(probability) && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }

    /** An answer whose probability is unknown. */
    public static Answer of(String text) {
        return new Answer(text, Double.NaN);
    }
}
