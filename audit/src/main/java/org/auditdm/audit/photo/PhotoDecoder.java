package org.auditdm.audit.photo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads photo files defensively: the file size and the pixel dimensions (read from the header, before any
 * pixel is decoded, so a small file claiming a huge image cannot exhaust memory) are checked against limits,
 * and any decoder warning (a truncated JPEG decodes with a gray bottom and only a warning) is an error. Every
 * failure is an {@link IllegalArgumentException} whose message says what is wrong with the file.
 *
 * <p>Formats are those ImageIO can read: JPEG and PNG always; WebP only when an ImageIO WebP plugin (for
 * example TwelveMonkeys {@code imageio-webp}) is on the class path.
 *
 * @param maxFileBytes largest file accepted
 * @param maxPixels largest width x height accepted
 */
public record PhotoDecoder(long maxFileBytes, long maxPixels) {
    public PhotoDecoder {
        if (maxFileBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("photo limits must be positive");
        }
    }

    /** 50 MB files, 50 megapixels. */
    public static PhotoDecoder defaults() {
        return new PhotoDecoder(50L << 20, 50_000_000L);
    }

    /** Whether this JVM can read WebP (an ImageIO plugin is installed). */
    public static boolean webpSupported() {
        return ImageIO.getImageReadersBySuffix("webp").hasNext();
    }

    /** Decodes {@code file}, or throws {@link IllegalArgumentException} saying why it cannot be used. */
    public BufferedImage read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the file: " + e.getMessage());
        }
        if (size == 0) {
            throw new IllegalArgumentException("the file is empty (0 bytes)");
        }
        if (size > maxFileBytes) {
            throw new IllegalArgumentException("the file is " + size + " bytes, more than the limit of " + maxFileBytes);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IllegalArgumentException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                String ext = extension(file);
                throw new IllegalArgumentException(ext.equals("webp") && !webpSupported()
                        ? "WebP is not supported by this Java runtime (add an ImageIO WebP plugin to the class path)"
                        : "not an image: no JPEG or PNG" + (webpSupported() ? " or WebP" : "") + " data found");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1) {
                    throw new IllegalArgumentException("the image header gives no size");
                }
                if ((long) w * h > maxPixels) {
                    throw new IllegalArgumentException("the image is " + w + " x " + h + " pixels, more than the limit "
                            + "of " + maxPixels + " pixels (a decompression bomb or a very large photo)");
                }
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IllegalArgumentException("truncated or corrupt image: " + warnings.get(0));
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("truncated or corrupt image: " + m);
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
