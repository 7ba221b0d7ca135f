package org.auditdm.audit.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.auditdm.api.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photo folders: good photos load (letterboxed, with sidecar questions); every kind of bad file is skipped with a reason. */
class PhotoFolderTest {
    @TempDir
    Path dir;

    static byte[] encode(int w, int h, String format) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A valid 1x1 PNG whose header claims {@code w x h} pixels (correct CRC): a decompression bomb's header. */
    static byte[] pngClaiming(int w, int h) throws Exception {
        byte[] png = encode(1, 1, "png");
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, w);
        b.putInt(20, h);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // chunk type + IHDR data
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    @Test
    void photosLoadInNameOrderLetterboxedWithSidecarQuestions() throws Exception {
        Files.write(dir.resolve("b.png"), encode(200, 100, "png"));
        Files.write(dir.resolve("a.jpg"), encode(80, 120, "jpg"));
        Files.writeString(dir.resolve("a.txt"), "\nhow many cars are there?\n");
        PhotoFolder.Loaded l = PhotoFolder.load(dir, 64, null);
        assertThat(l.problems()).isEmpty();
        assertThat(l.seeds()).extracting(PhotoSeed::id).containsExactly("photo:a.jpg", "photo:b.png");
        assertThat(l.seeds().get(0).question()).isEqualTo("how many cars are there?");
        assertThat(l.seeds().get(1).question()).isEqualTo(PhotoFolder.DEFAULT_QUESTION);
        Picture wide = l.seeds().get(1).image();
        assertThat(wide.width()).isEqualTo(64);
        assertThat(wide.height()).isEqualTo(64);
        assertThat(wide.rgb(32, 2)).isEqualTo(0); // black bar above a 2:1 photo
        assertThat(wide.rgb(32, 32)).isNotEqualTo(0);
        // Deterministic: loading again gives the same pixels.
        assertThat(PhotoFolder.load(dir, 64, null).seeds().get(1).image()).isEqualTo(wide);
        assertThat(l.seedSource().get(0).question()).isEqualTo("how many cars are there?");
        assertThat(l.seedSource().describe().get("source").asText()).isEqualTo("photos");
    }

    @Test
    void badFilesAreSkippedEachWithAClearReason() throws Exception {
        Files.write(dir.resolve("good.png"), encode(50, 50, "png"));
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("text.jpg"), "this is not a picture at all");
        byte[] png = encode(300, 300, "png");
        Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        byte[] jpg = encode(300, 300, "jpg");
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        Files.write(dir.resolve("bomb.png"), pngClaiming(100_000, 100_000));
        Files.writeString(dir.resolve("notes.pdf"), "%PDF");
        PhotoFolder.Loaded l = PhotoFolder.load(dir, 64, "what is this?");
        assertThat(l.seeds()).extracting(PhotoSeed::file).containsExactly("good.png");
        assertThat(l.seeds().get(0).question()).isEqualTo("what is this?");
        assertThat(l.problems()).extracting(PhotoFolder.Problem::file)
                .containsExactly("bomb.png", "empty.jpg", "notes.pdf", "text.jpg", "truncated.jpg", "truncated.png");
        assertThat(message(l, "empty.jpg")).contains("empty (0 bytes)");
        assertThat(message(l, "text.jpg")).contains("not an image");
        assertThat(message(l, "truncated.png")).contains("truncated or corrupt");
        assertThat(message(l, "truncated.jpg")).contains("truncated or corrupt");
        assertThat(message(l, "bomb.png")).contains("100000 x 100000 pixels").contains("decompression bomb");
        assertThat(message(l, "notes.pdf")).contains("not a photo file name");
    }

    private static String message(PhotoFolder.Loaded l, String file) {
        return l.problems().stream().filter(p -> p.file().equals(file)).findFirst().orElseThrow().message();
    }

    @Test
    void aMissingOrUnusableFolderIsAClearError() throws Exception {
        assertThatThrownBy(() -> PhotoFolder.load(dir.resolve("nope"), 64, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("x.png"), "no");
        assertThatThrownBy(() -> PhotoFolder.load(dir, 64, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no usable photo")
                .hasMessageContaining("x.png");
    }

    @Test
    void webpIsReadOnlyWithAPluginAndOtherwiseExplained() throws Exception {
        Files.write(dir.resolve("good.png"), encode(10, 10, "png"));
        Files.write(dir.resolve("p.webp"), new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'E', 'B', 'P'});
        PhotoFolder.Loaded l = PhotoFolder.load(dir, 64, null);
        if (!PhotoDecoder.webpSupported()) {
            assertThat(message(l, "p.webp")).contains("WebP is not supported");
        } else {
            assertThat(message(l, "p.webp")).contains("truncated or corrupt");
        }
    }
}
