package org.auditdm.world.scene;

import java.util.Locale;

/**
 * The world's twelve named colours. Near pairs (red/orange, blue/purple, pink/red, gray/white,
 * cyan/blue, yellow/orange) are deliberate: telling them apart is a skill a model can lack.
 */
public enum NamedColor {
    RED(0xDC2828),
    ORANGE(0xF58C1E),
    YELLOW(0xF0DC28),
    GREEN(0x32AA3C),
    CYAN(0x28C8D2),
    BLUE(0x285ADC),
    PURPLE(0x8C3CC8),
    PINK(0xF082BE),
    BROWN(0x8C5528),
    GRAY(0x808080),
    BLACK(0x191919),
    WHITE(0xF5F5F5);

    private final int rgb;

    NamedColor(int rgb) {
        this.rgb = rgb;
    }

    /** Packed {@code 0xRRGGBB}. */
    public int rgb() {
        return rgb;
    }

    /** The canonical English word, as the oracle answers it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Perceived luminance in [0, 1], used to pick readable contrasting colours. */
    public double luminance() {
        return (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF)) / 255.0;
    }
}
