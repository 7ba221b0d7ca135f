package org.auditdm.world.scene;

import java.util.regex.Pattern;

/** Hard limits of the world, enforced wherever a scene is built, parsed or edited. */
public final class Limits {
    /** Most objects in one scene. */
    public static final int MAX_OBJECTS = 12;
    /** Longest sign text. */
    public static final int MAX_SIGN_TEXT = 12;
    /** Longest object label. */
    public static final int MAX_LABEL = 3;
    /** Bars in a chart. */
    public static final int MIN_BARS = 2;
    public static final int MAX_BARS = 8;
    /** Bar values are integers in [0, MAX_BAR_VALUE]. */
    public static final int MAX_BAR_VALUE = 10;
    /** Rendered image side, in pixels. */
    public static final int MIN_IMAGE_SIDE = 16;
    public static final int MAX_IMAGE_SIDE = 1024;
    /** Longest caption, edit command or question accepted by the parsers, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;
    /**
     * Longest caption: the canonical caption of a full scene (twelve distinct objects, each with
     * its place, plus sign and backdrop clauses) needs up to about 850 characters.
     */
    public static final int MAX_CAPTION_LENGTH = 1000;

    /** Sign text and labels: upper-case letters, digits, spaces and a few marks. */
    public static final Pattern TEXT = Pattern.compile("[A-Z0-9 !?.:-]+");

    private Limits() {
    }

    static String checkText(String what, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(
                    what + " '" + text + "' is " + text.length() + " characters long; the limit is " + max);
        }
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    what + " '" + text + "' may contain only A-Z, 0-9, spaces and !?.:-");
        }
        return text;
    }

    public static void checkImageSide(int side) {
        if (side < MIN_IMAGE_SIDE || side > MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException("image size " + side + " is outside ["
                    + MIN_IMAGE_SIDE + ", " + MAX_IMAGE_SIDE + "] pixels");
        }
    }

    static double checkUnit(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + v);
        }
        return v;
    }
}
