package org.auditdm.world.scene;

import java.util.Objects;

/**
 * A rectangular sign board with text. In a sign scene it dominates the image; in an object scene
 * it is one more element, placed at (x, y) (normalised centre).
 *
 * @param rotation degrees clockwise
 */
public record Sign(String text, NamedColor textColor, NamedColor boardColor, TextSize textSize,
                   double rotation, double x, double y) {
    public Sign {
        Limits.checkText("sign text", text, Limits.MAX_SIGN_TEXT);
        Objects.requireNonNull(textColor, "textColor");
        Objects.requireNonNull(boardColor, "boardColor");
        Objects.requireNonNull(textSize, "textSize");
        if (textColor == boardColor) {
            throw new IllegalArgumentException("sign text colour equals its board colour (" + textColor.word() + ")");
        }
        if (!Double.isFinite(rotation) || Math.abs(rotation) > 45) {
            throw new IllegalArgumentException("sign rotation must be within +-45 degrees, got " + rotation);
        }
        Limits.checkUnit("x", x);
        Limits.checkUnit("y", y);
    }

    public Sign withText(String t) {
        return new Sign(t, textColor, boardColor, textSize, rotation, x, y);
    }
}
