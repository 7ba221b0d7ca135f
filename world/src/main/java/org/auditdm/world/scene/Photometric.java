package org.auditdm.world.scene;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Global photometric perturbations applied after drawing, in this order: contrast and brightness,
 * blur, noise, JPEG compression.
 *
 * @param blur Gaussian sigma in pixels at the rendered size, 0 to 4
 * @param noise standard deviation of additive Gaussian noise on [0, 1] intensities, 0 to 0.5
 * @param contrast factor around mid-gray, 0.2 to 2 (1 leaves the image unchanged)
 * @param brightness offset on [0, 1] intensities, -0.6 to 0.6
 * @param jpegQuality 0 for none, otherwise 1 to 100
 * @param seed noise seed
 */
public record Photometric(double blur, double noise, double contrast, double brightness, int jpegQuality, long seed) {
    public static final Photometric NONE = new Photometric(0, 0, 1, 0, 0, 0);

    public Photometric {
        check("blur", blur, 0, 4);
        check("noise", noise, 0, 0.5);
        check("contrast", contrast, 0.2, 2);
        check("brightness", brightness, -0.6, 0.6);
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality must be 0 (none) or 1-100, got " + jpegQuality);
        }
    }

    private static void check(String what, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    /** True when rendering applies no perturbation at all. */
    @JsonIgnore
    public boolean isNone() {
        return blur == 0 && noise == 0 && contrast == 1 && brightness == 0 && jpegQuality == 0;
    }

    public Photometric withBlur(double b) {
        return new Photometric(b, noise, contrast, brightness, jpegQuality, seed);
    }

    public Photometric withNoise(double n) {
        return new Photometric(blur, n, contrast, brightness, jpegQuality, seed);
    }

    public Photometric withContrast(double c) {
        return new Photometric(blur, noise, c, brightness, jpegQuality, seed);
    }

    public Photometric withBrightness(double b) {
        return new Photometric(blur, noise, contrast, b, jpegQuality, seed);
    }

    public Photometric withJpegQuality(int q) {
        return new Photometric(blur, noise, contrast, brightness, q, seed);
    }
}
