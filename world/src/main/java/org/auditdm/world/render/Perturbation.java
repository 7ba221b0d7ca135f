package org.auditdm.world.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.auditdm.world.scene.Photometric;

/**
 * Applies a scene's {@link Photometric} perturbations to packed RGB pixels, in the documented order:
 * contrast and brightness, Gaussian blur, additive Gaussian noise, JPEG compression. Strengths are
 * defined relative to a 64-pixel image (blur sigma scales with the side), so a perturbation looks
 * alike at every size. Stateless and deterministic: noise comes from the perturbation's own seed.
 */
final class Perturbation {
    private static final double REFERENCE_SIDE = 64.0;

    private Perturbation() {
    }

    /** Returns perturbed pixels ({@code px} itself may be modified and returned). */
    static int[] apply(int[] px, int side, Photometric p) {
        if (p.isNone()) {
            return px;
        }
        if (p.contrast() != 1 || p.brightness() != 0) {
            contrastBrightness(px, p.contrast(), p.brightness());
        }
        if (p.blur() > 0) {
            blur(px, side, p.blur() * side / REFERENCE_SIDE);
        }
        if (p.noise() > 0) {
            noise(px, p.noise(), p.seed());
        }
        if (p.jpegQuality() > 0) {
            px = jpeg(px, side, p.jpegQuality());
        }
        return px;
    }

    private static void contrastBrightness(int[] px, double contrast, double brightness) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = clamp((int) Math.round(((v / 255.0 - 0.5) * contrast + 0.5 + brightness) * 255));
        }
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = lut[(p >> 16) & 0xFF] << 16 | lut[(p >> 8) & 0xFF] << 8 | lut[p & 0xFF];
        }
    }

    /** Separable Gaussian blur with edge pixels repeated beyond the border. */
    static void blur(int[] px, int side, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double w = Math.exp(-k * k / (2 * sigma * sigma));
            kernel[k + radius] = (float) w;
            sum += w;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) sum;
        }
        int n = side * side;
        float[] r = new float[n];
        float[] gr = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            int p = px[i];
            r[i] = (p >> 16) & 0xFF;
            gr[i] = (p >> 8) & 0xFF;
            b[i] = p & 0xFF;
        }
        float[] tmp = new float[n];
        pass(r, tmp, side, kernel, radius, true);
        pass(tmp, r, side, kernel, radius, false);
        pass(gr, tmp, side, kernel, radius, true);
        pass(tmp, gr, side, kernel, radius, false);
        pass(b, tmp, side, kernel, radius, true);
        pass(tmp, b, side, kernel, radius, false);
        for (int i = 0; i < n; i++) {
            px[i] = clamp(Math.round(r[i])) << 16 | clamp(Math.round(gr[i])) << 8 | clamp(Math.round(b[i]));
        }
    }

    private static void pass(float[] in, float[] out, int side, float[] kernel, int radius, boolean horizontal) {
        int last = side - 1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = horizontal ? Math.min(last, Math.max(0, x + k)) : x;
                    int yy = horizontal ? y : Math.min(last, Math.max(0, y + k));
                    acc += kernel[k + radius] * in[yy * side + xx];
                }
                out[y * side + x] = acc;
            }
        }
    }

    private static void noise(int[] px, double std, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double s = std * 255;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = clamp((int) Math.round(((p >> 16) & 0xFF) + s * rng.nextGaussian()));
            int g = clamp((int) Math.round(((p >> 8) & 0xFF) + s * rng.nextGaussian()));
            int b = clamp((int) Math.round((p & 0xFF) + s * rng.nextGaussian()));
            px[i] = r << 16 | g << 8 | b;
        }
    }

    /** Encodes to JPEG in memory and decodes again: the artefacts of a compressed photo. */
    private static int[] jpeg(int[] px, int side, int quality) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(px, 0, data, 0, px.length);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
                writer.write(null, new IIOImage(img, null, null), param);
            }
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            int[] result = back.getRGB(0, 0, side, side, null, 0, side);
            for (int i = 0; i < result.length; i++) {
                result[i] &= 0xFFFFFF;
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG round trip failed", e);
        } finally {
            writer.dispose();
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
