package org.auditdm.world.scene;

import java.util.Objects;

/** An analog clock face with hour and minute hands. */
public record Clock(int hour, int minute, NamedColor faceColor, NamedColor handColor) {
    public Clock {
        if (hour < 1 || hour > 12) {
            throw new IllegalArgumentException("clock hour must be 1-12, got " + hour);
        }
        if (minute < 0 || minute > 59) {
            throw new IllegalArgumentException("clock minute must be 0-59, got " + minute);
        }
        Objects.requireNonNull(faceColor, "faceColor");
        Objects.requireNonNull(handColor, "handColor");
        if (faceColor == handColor) {
            throw new IllegalArgumentException("clock hands must differ in colour from the face");
        }
    }

    /** "3:05", the oracle's canonical time. */
    public String time() {
        return hour + ":" + (minute < 10 ? "0" : "") + minute;
    }
}
