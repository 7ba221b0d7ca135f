package org.auditdm.audit.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Region;
import org.auditdm.world.text.ParseException;
import org.junit.jupiter.api.Test;

/** The photo-edit language: every command parses to the right edit, changes pixels deterministically, keeps the size. */
class PhotoEditTest {
    private static final Picture PHOTO = new Renderer().render(new SeedPool(5).get(3).scene(), 64);
    private final PhotoEditor editor = new PhotoEditor();

    @Test
    void commandsParseToTheirEdits() {
        assertThat(PhotoEditParser.parse("crop to the top left")).isEqualTo(new PhotoEdit.Crop(Box.window(Region.TOP_LEFT)));
        assertThat(PhotoEditParser.parse("crop to 10 20 50 40%")).isEqualTo(new PhotoEdit.Crop(Box.percent(10, 20, 50, 40)));
        assertThat(PhotoEditParser.parse("rotate by -30 degrees")).isEqualTo(new PhotoEdit.Rotate(-30));
        assertThat(PhotoEditParser.parse("rotate the image by 45 degrees counterclockwise")).isEqualTo(new PhotoEdit.Rotate(-45));
        assertThat(PhotoEditParser.parse("flip vertically")).isEqualTo(new PhotoEdit.Flip(false));
        assertThat(PhotoEditParser.parse("mirror the image")).isEqualTo(new PhotoEdit.Flip(true));
        assertThat(PhotoEditParser.parse("darken the image by 40 percent")).isEqualTo(new PhotoEdit.Brightness(-40));
        assertThat(PhotoEditParser.parse("brighten")).isEqualTo(new PhotoEdit.Brightness(30));
        assertThat(PhotoEditParser.parse("lower the contrast")).isEqualTo(new PhotoEdit.Contrast(-50));
        assertThat(PhotoEditParser.parse("increase the contrast by 80%")).isEqualTo(new PhotoEdit.Contrast(80));
        assertThat(PhotoEditParser.parse("blur the image by 3 pixels.")).isEqualTo(new PhotoEdit.Blur(3));
        assertThat(PhotoEditParser.parse("make the image grayscale")).isEqualTo(new PhotoEdit.Grayscale());
        assertThat(PhotoEditParser.parse("occlude the center with a red box"))
                .isEqualTo(new PhotoEdit.Occlude(Box.cell(Region.CENTER), NamedColor.RED));
        assertThat(PhotoEditParser.parse("cover 0 0 50 50")).isEqualTo(new PhotoEdit.Occlude(Box.percent(0, 0, 50, 50),
                NamedColor.BLACK));
        assertThat(PhotoEditParser.parse("add noise 35")).isEqualTo(new PhotoEdit.Noise(35));
        assertThat(PhotoEditParser.parse("compress the image to quality 10")).isEqualTo(new PhotoEdit.Jpeg(10));
    }

    @Test
    void badCommandsNameTheProblemAndColumn() {
        assertThatThrownBy(() -> PhotoEditParser.parse("paint the sky")).isInstanceOf(ParseException.class)
                .hasMessageContaining("unknown photo edit 'paint'");
        assertThatThrownBy(() -> PhotoEditParser.parse("rotate by 400 degrees")).isInstanceOf(ParseException.class)
                .hasMessageContaining("1 to 359 degrees");
        assertThatThrownBy(() -> PhotoEditParser.parse("crop to 80 80 50 50")).isInstanceOf(ParseException.class)
                .hasMessageContaining("inside the image");
        ParseException e = (ParseException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PhotoEditParser.parse("flip sideways"));
        assertThat(e.position()).isEqualTo(5);
        assertThatThrownBy(() -> PhotoEditParser.parse("blur the image twice")).isInstanceOf(ParseException.class)
                .hasMessageContaining("unexpected 'twice'");
        assertThatThrownBy(() -> PhotoEditParser.parse("")).isInstanceOf(ParseException.class);
    }

    @Test
    void everyEditChangesPixelsKeepsTheSizeAndIsDeterministic() {
        List<String> commands = List.of("crop to the top left", "rotate by 30 degrees", "flip horizontally",
                "flip vertically", "brighten by 20 percent", "darken", "increase the contrast", "lower the contrast",
                "blur the image", "make the image grayscale", "occlude the center", "add noise 20",
                "compress the image to quality 5");
        for (String c : commands) {
            Picture a = editor.apply(PHOTO, c);
            assertThat(a.width()).as(c).isEqualTo(64);
            assertThat(a.height()).as(c).isEqualTo(64);
            assertThat(a.sha256()).as(c).isNotEqualTo(PHOTO.sha256());
            assertThat(editor.apply(PHOTO, c)).as(c).isEqualTo(a);
        }
        // Occlusion paints exactly the box.
        Picture o = editor.apply(PHOTO, "occlude 0 0 50 50 with a blue box");
        assertThat(o.rgb(10, 10)).isEqualTo(NamedColor.BLUE.rgb());
        assertThat(o.rgb(40, 40)).isEqualTo(PHOTO.rgb(40, 40));
        // A horizontal flip mirrors.
        Picture f = editor.apply(PHOTO, "flip horizontally");
        assertThat(f.rgb(0, 7)).isEqualTo(PHOTO.rgb(63, 7));
        // Grayscale has equal channels.
        int g = editor.apply(PHOTO, "make the image grayscale").rgb(30, 30);
        assertThat((g >> 16) & 0xFF).isEqualTo(g & 0xFF);
    }

    @Test
    void sampledCommandsAlwaysParseAndApply() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            String c = PhotoEditSampler.sample(rng);
            assertThat(editor.apply(PHOTO, c).width()).as(c).isEqualTo(64);
        }
    }
}
