package org.auditdm.audit.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.auditdm.api.Picture;

/**
 * Applies the photo-edit language ({@link PhotoEditParser}) to pixels. Cropping is resampled back to the
 * original size with Thumbnailator; the other edits are plain Java2D or per-pixel arithmetic. Every edit keeps
 * the image's size and is deterministic: noise is drawn from a seed mixed from the picture's hash and the
 * command text.
 */
public final class PhotoEditor implements ImageEditor {
    @Override
    public String id() {
        return "photo-editor/1";
    }

    @Override
    public Picture apply(Picture picture, String command) {
        PhotoEdit edit = PhotoEditParser.parse(command);
        return apply(picture, edit, noiseSeed(picture, command));
    }

    /** Applies a parsed edit; {@code seed} drives the noise edit only. */
    public Picture apply(Picture picture, PhotoEdit edit, long seed) {
        BufferedImage in = picture.toBufferedImage();
        BufferedImage out;
        if (edit instanceof PhotoEdit.Crop c) {
            out = crop(in, c.box());
        } else if (edit instanceof PhotoEdit.Rotate r) {
            out = rotate(in, r.degrees());
        } else if (edit instanceof PhotoEdit.Flip f) {
            out = flip(in, f.horizontal());
        } else if (edit instanceof PhotoEdit.Brightness b) {
            out = perChannel(in, v -> v + 255.0 * b.percent() / 100.0);
        } else if (edit instanceof PhotoEdit.Contrast c) {
            out = perChannel(in, v -> 127.5 + (v - 127.5) * (1 + c.percent() / 100.0));
        } else if (edit instanceof PhotoEdit.Blur b) {
            out = blur(blur(in, b.radius()), b.radius());
        } else if (edit instanceof PhotoEdit.Grayscale) {
            out = grayscale(in);
        } else if (edit instanceof PhotoEdit.Occlude o) {
            out = occlude(in, o);
        } else if (edit instanceof PhotoEdit.Noise n) {
            out = noise(in, n.sigma(), seed);
        } else if (edit instanceof PhotoEdit.Jpeg j) {
            out = jpeg(in, j.quality());
        } else {
            throw new IllegalStateException("unknown photo edit " + edit);
        }
        return Picture.of(out);
    }

    private static BufferedImage crop(BufferedImage in, Box box) {
        int[] p = box.pixels(in.getWidth(), in.getHeight());
        try {
            return Thumbnails.of(in).sourceRegion(p[0], p[1], p[2] - p[0], p[3] - p[1])
                    .forceSize(in.getWidth(), in.getHeight()).imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage rotate(BufferedImage in, int degrees) {
        BufferedImage out = blank(in);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(in, AffineTransform.getRotateInstance(Math.toRadians(degrees), in.getWidth() / 2.0,
                in.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    private static BufferedImage flip(BufferedImage in, boolean horizontal) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = blank(in);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(horizontal ? w - 1 - x : x, horizontal ? y : h - 1 - y, in.getRGB(x, y));
            }
        }
        return out;
    }

    private interface ChannelMap {
        double map(double v);
    }

    private static BufferedImage perChannel(BufferedImage in, ChannelMap f) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = clamp(f.map(v));
        }
        BufferedImage out = blank(in);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int c = in.getRGB(x, y);
                out.setRGB(x, y, lut[(c >> 16) & 0xFF] << 16 | lut[(c >> 8) & 0xFF] << 8 | lut[c & 0xFF]);
            }
        }
        return out;
    }

    /** One pass of a box blur with edge clamping (two passes approximate a Gaussian). */
    private static BufferedImage blur(BufferedImage in, int r) {
        int w = in.getWidth();
        int h = in.getHeight();
        int[] src = in.getRGB(0, 0, w, h, null, 0, w);
        int[] tmp = new int[src.length];
        int[] dst = new int[src.length];
        boxPass(src, tmp, w, h, r, true);
        boxPass(tmp, dst, w, h, r, false);
        BufferedImage out = blank(in);
        out.setRGB(0, 0, w, h, dst, 0, w);
        return out;
    }

    private static void boxPass(int[] src, int[] dst, int w, int h, int r, boolean horizontal) {
        int n = 2 * r + 1;
        int lines = horizontal ? h : w;
        int len = horizontal ? w : h;
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < len; i++) {
                int sr = 0;
                int sg = 0;
                int sb = 0;
                for (int k = -r; k <= r; k++) {
                    int j = Math.min(len - 1, Math.max(0, i + k));
                    int c = horizontal ? src[line * w + j] : src[j * w + line];
                    sr += (c >> 16) & 0xFF;
                    sg += (c >> 8) & 0xFF;
                    sb += c & 0xFF;
                }
                int idx = horizontal ? line * w + i : i * w + line;
                dst[idx] = (sr + n / 2) / n << 16 | (sg + n / 2) / n << 8 | (sb + n / 2) / n;
            }
        }
    }

    private static BufferedImage grayscale(BufferedImage in) {
        BufferedImage out = blank(in);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int c = in.getRGB(x, y);
                int l = clamp(0.299 * ((c >> 16) & 0xFF) + 0.587 * ((c >> 8) & 0xFF) + 0.114 * (c & 0xFF));
                out.setRGB(x, y, l << 16 | l << 8 | l);
            }
        }
        return out;
    }

    private static BufferedImage occlude(BufferedImage in, PhotoEdit.Occlude o) {
        BufferedImage out = copy(in);
        int[] p = o.box().pixels(in.getWidth(), in.getHeight());
        for (int y = p[1]; y < p[3]; y++) {
            for (int x = p[0]; x < p[2]; x++) {
                out.setRGB(x, y, o.color().rgb());
            }
        }
        return out;
    }

    private static BufferedImage noise(BufferedImage in, int sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BufferedImage out = blank(in);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int c = in.getRGB(x, y);
                int r = clamp(((c >> 16) & 0xFF) + sigma * gaussian(rng));
                int g = clamp(((c >> 8) & 0xFF) + sigma * gaussian(rng));
                int b = clamp((c & 0xFF) + sigma * gaussian(rng));
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** Box-Muller from the stream (SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static BufferedImage jpeg(BufferedImage in, int quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(ios);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality / 100f);
                writer.write(null, new IIOImage(copy(in), null, null), p);
            } finally {
                writer.dispose();
            }
            BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
            return copy(back);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage blank(BufferedImage like) {
        return new BufferedImage(like.getWidth(), like.getHeight(), BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage copy(BufferedImage in) {
        BufferedImage out = blank(in);
        Graphics2D g = out.createGraphics();
        g.drawImage(in, 0, 0, null);
        g.dispose();
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static long noiseSeed(Picture picture, String command) {
        long h = 0xCBF29CE484222325L;
        for (byte b : (picture.sha256() + "\u0000" + command).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return new SplittableRandom(h).nextLong();
    }
}
