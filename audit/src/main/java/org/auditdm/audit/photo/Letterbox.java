package org.auditdm.audit.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;
import org.auditdm.api.Picture;

/**
 * Fits a photo into a square of the auditor's and models' input size: scaled with Thumbnailator to fit
 * inside, keeping the aspect ratio, and centred on black bars. Deterministic: the same photo gives the same
 * pixels.
 */
public final class Letterbox {
    private Letterbox() {
    }

    public static Picture fit(BufferedImage photo, int side) {
        if (side < 1) {
            throw new IllegalArgumentException("side must be positive, got " + side);
        }
        int w = photo.getWidth();
        int h = photo.getHeight();
        double scale = Math.min((double) side / w, (double) side / h);
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage scaled;
        try {
            scaled = Thumbnails.of(photo).forceSize(sw, sh).imageType(BufferedImage.TYPE_INT_RGB).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, side, side);
        g.drawImage(scaled, (side - sw) / 2, (side - sh) / 2, null);
        g.dispose();
        return Picture.of(out);
    }
}
