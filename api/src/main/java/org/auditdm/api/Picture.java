package org.auditdm.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * An immutable RGB image: the unit every model reads. Pixels are packed {@code 0xRRGGBB} ints in
 * row-major order. Identity is the SHA-256 of the pixels, so two pictures with the same pixels are
 * equal and share a content address.
 */
public final class Picture {
    /** Largest side accepted from outside (decoded images, rendering requests). */
    public static final int MAX_SIDE = 4096;

    private final int width;
    private final int height;
    private final int[] rgb;
    private volatile String sha256;

    private Picture(int width, int height, int[] rgb) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "image " + width + "x" + height + " exceeds the limit of " + MAX_SIDE + " pixels per side");
        }
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + rgb.length);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** Wraps a copy of packed {@code 0xRRGGBB} pixels (alpha bits are dropped). */
    public static Picture of(int width, int height, int[] rgb) {
        int[] copy = Arrays.copyOf(rgb, rgb.length);
        for (int i = 0; i < copy.length; i++) {
            copy[i] &= 0xFFFFFF;
        }
        return new Picture(width, height, copy);
    }

    /** Copies the pixels of a buffered image. */
    public static Picture of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return new Picture(w, h, px);
    }

    /** Decodes PNG or JPEG bytes; throws {@link IllegalArgumentException} with a readable reason. */
    public static Picture decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new IllegalArgumentException("not a readable image (PNG or JPEG expected)");
            }
            return of(img);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable or truncated image: " + e.getMessage(), e);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The packed {@code 0xRRGGBB} value at (x, y). */
    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** A copy of all pixels, row-major. */
    public int[] pixels() {
        return Arrays.copyOf(rgb, rgb.length);
    }

    /**
     * Writes the pixels as floats in [0, 1], channel-major (CHW: all red, then green, then blue),
     * into {@code out} starting at {@code offset}. The layout models consume, without copies.
     */
    public void writeChw(float[] out, int offset) {
        int n = rgb.length;
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            out[offset + i] = ((p >> 16) & 0xFF) / 255f;
            out[offset + n + i] = ((p >> 8) & 0xFF) / 255f;
            out[offset + 2 * n + i] = (p & 0xFF) / 255f;
        }
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    /** Lossless PNG bytes; deterministic for the same pixels. */
    public byte[] toPng() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(toBufferedImage(), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256 of the pixel content (size included): the picture's content address. */
    public String sha256() {
        String h = sha256;
        if (h == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(new byte[] {
                    (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
                    (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height});
                byte[] row = new byte[rgb.length * 3];
                for (int i = 0; i < rgb.length; i++) {
                    row[3 * i] = (byte) (rgb[i] >> 16);
                    row[3 * i + 1] = (byte) (rgb[i] >> 8);
                    row[3 * i + 2] = (byte) rgb[i];
                }
                md.update(row);
                h = HexFormat.of().formatHex(md.digest());
                sha256 = h;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Picture p && p.width == width && p.height == height && Arrays.equals(p.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rgb) * 31 + width;
    }

    @Override
    public String toString() {
        return "Picture[" + width + "x" + height + ", " + sha256().substring(0, 12) + "]";
    }
}
