package org.auditdm.audit.photo;

import org.auditdm.world.scene.NamedColor;

/**
 * One edit of a photo, as parsed by {@link PhotoEditParser} from the photo-edit language. Each applies to
 * pixels only (a photo has no scene graph) and keeps the image's size.
 */
public sealed interface PhotoEdit {
    /** Keeps a box of the image, scaled back to the full size. */
    record Crop(Box box) implements PhotoEdit {
    }

    /** Rotates about the centre by {@code degrees} (positive: clockwise), corners filled black. */
    record Rotate(int degrees) implements PhotoEdit {
        public Rotate {
            if (degrees == 0 || Math.abs(degrees) > 359) {
                throw new IllegalArgumentException("rotation must be 1 to 359 degrees either way, got " + degrees);
            }
        }
    }

    /** Mirrors the image. */
    record Flip(boolean horizontal) implements PhotoEdit {
    }

    /** Adds {@code percent} of full white (negative: darkens). */
    record Brightness(int percent) implements PhotoEdit {
        public Brightness {
            if (percent == 0 || Math.abs(percent) > 100) {
                throw new IllegalArgumentException("brightness change must be 1 to 100 percent either way, got " + percent);
            }
        }
    }

    /** Scales the distance of each channel from mid-gray by {@code 1 + percent / 100}. */
    record Contrast(int percent) implements PhotoEdit {
        public Contrast {
            if (percent == 0 || percent < -100 || percent > 300) {
                throw new IllegalArgumentException("contrast change must be -100 to 300 percent and not 0, got " + percent);
            }
        }
    }

    /** A box blur of the given radius in pixels, applied twice (close to a Gaussian). */
    record Blur(int radius) implements PhotoEdit {
        public Blur {
            if (radius < 1 || radius > 20) {
                throw new IllegalArgumentException("blur radius must be 1 to 20 pixels, got " + radius);
            }
        }
    }

    /** Luma only (ITU-R BT.601 weights). */
    record Grayscale() implements PhotoEdit {
    }

    /** Paints a box in a solid colour. */
    record Occlude(Box box, NamedColor color) implements PhotoEdit {
    }

    /** Adds Gaussian noise of standard deviation {@code sigma} (0-255 scale), seeded from the image and the command. */
    record Noise(int sigma) implements PhotoEdit {
        public Noise {
            if (sigma < 1 || sigma > 100) {
                throw new IllegalArgumentException("noise level must be 1 to 100, got " + sigma);
            }
        }
    }

    /** Encodes as JPEG at {@code quality} percent and decodes again. */
    record Jpeg(int quality) implements PhotoEdit {
        public Jpeg {
            if (quality < 1 || quality > 100) {
                throw new IllegalArgumentException("JPEG quality must be 1 to 100, got " + quality);
            }
        }
    }
}
