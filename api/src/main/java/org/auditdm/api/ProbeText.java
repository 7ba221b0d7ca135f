package org.auditdm.api;

import java.util.Objects;

/**
 * Text an auditor wrote for a seed, with the policy's log-probability of having written it
 * ({@code NaN} for auditors that cannot say, such as remote chat models).
 */
public record ProbeText(ProbeMode mode, String text, double logProbability) {
    public ProbeText {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
    }

    public static ProbeText of(ProbeMode mode, String text) {
        return new ProbeText(mode, text, Double.NaN);
    }
}
