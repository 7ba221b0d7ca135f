package org.auditdm.world.scene;

/** One labelled bar of a bar chart. Labels are single upper-case letters. */
public record Bar(String label, int value) {
    public Bar {
        if (label == null || !label.matches("[A-Z]")) {
            throw new IllegalArgumentException("bar label must be one letter A-Z, got '" + label + "'");
        }
        if (value < 0 || value > Limits.MAX_BAR_VALUE) {
            throw new IllegalArgumentException(
                    "bar " + label + " value " + value + " is outside [0, " + Limits.MAX_BAR_VALUE + "]");
        }
    }
}
