package org.auditdm.audit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.auditdm.api.Pairing;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.photo.ImageGenerator;
import org.auditdm.audit.photo.PhotoEditor;
import org.auditdm.audit.photo.PhotoFolder;
import org.auditdm.audit.photo.PhotoSeed;
import org.auditdm.audit.photo.PhotoSupport;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;

/** Probes on photo seeds: free questions, photo-edit commands, captions only with a generator, never an oracle. */
class PhotoProbeTest {
    private static final Picture PHOTO = new Renderer().render(new SeedPool(9).get(1).scene(), 64);
    private static final PhotoSeed PS = new PhotoSeed("photo:cat.jpg", PHOTO, "what animal is this?", "cat.jpg");
    private static final Seed SEED = new Seed(PS.id(), PhotoFolder.NO_SCENE, PS.question(), null);

    private final MemoryImageStore store = new MemoryImageStore();
    private final ProbeBuilder builder = new ProbeBuilder(store, 64, 3,
            new PhotoSupport(Map.of(PS.id(), PS), new PhotoEditor(), null));

    private static BuiltProbe valid(BuildResult r) {
        assertThat(r).isInstanceOf(BuildResult.Valid.class);
        return ((BuildResult.Valid) r).built();
    }

    private static String invalid(BuildResult r) {
        assertThat(r).isInstanceOf(BuildResult.Invalid.class);
        return ((BuildResult.Invalid) r).reason();
    }

    @Test
    void anyQuestionIsAskedAboutThePhotoWithoutAnOracle() {
        BuiltProbe p = valid(builder.build(ProbeRequest.of(SEED, ProbeText.of(ProbeMode.QUESTION, "is the cat asleep?"))));
        assertThat(p.image()).isEqualTo(PHOTO);
        assertThat(p.probe().pairing()).isEqualTo(Pairing.NEW_QUESTION_ORIGINAL_IMAGE);
        assertThat(p.oracle()).isEqualTo(ProbeBuilder.NO_ORACLE);
        assertThat(builder.seedImage(SEED)).isEqualTo(PHOTO);
        assertThat(invalid(builder.build(ProbeRequest.of(SEED, ProbeText.of(ProbeMode.QUESTION, " ")))))
                .contains("empty");
    }

    @Test
    void anEditUsesThePhotoEditLanguage() {
        BuiltProbe p = valid(builder.build(ProbeRequest.of(SEED, ProbeText.of(ProbeMode.EDIT, "occlude the center"))));
        assertThat(p.probe().pairing()).isEqualTo(Pairing.ORIGINAL_QUESTION_NEW_IMAGE);
        assertThat(p.probe().question()).isEqualTo("what animal is this?");
        assertThat(p.image()).isEqualTo(new PhotoEditor().apply(PHOTO, "occlude the center"));
        assertThat(store.get(p.probe().imageSha())).isEqualTo(p.image());
        // A world edit does not apply to a photo.
        assertThat(invalid(builder.build(ProbeRequest.of(SEED, ProbeText.of(ProbeMode.EDIT, "make the star green")))))
                .startsWith("edit: ").contains("expected 'grayscale'").doesNotContain("Exception");
        BuiltProbe paired = valid(builder.build(ProbeRequest.paired(SEED, ProbeText.of(ProbeMode.QUESTION,
                "what is in the middle?"), ProbeText.of(ProbeMode.EDIT, "flip vertically"))));
        assertThat(paired.probe().pairing()).isEqualTo(Pairing.NEW_QUESTION_NEW_IMAGE);
        assertThat(paired.probe().question()).isEqualTo("what is in the middle?");
    }

    @Test
    void aCaptionNeedsAGenerator() {
        assertThat(invalid(builder.build(ProbeRequest.of(SEED, ProbeText.of(ProbeMode.CAPTION, "a dog on a sofa")))))
                .contains(PhotoSupport.NO_GENERATOR);
        Picture generated = new Renderer().render(new SeedPool(9).get(2).scene(), 64);
        ImageGenerator gen = new ImageGenerator() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public Picture generate(String caption, int side, long seed) {
                return generated;
            }
        };
        ProbeBuilder withGen = new ProbeBuilder(store, 64, 3, new PhotoSupport(Map.of(PS.id(), PS), new PhotoEditor(), gen));
        BuiltProbe p = valid(withGen.build(ProbeRequest.of(SEED, ProbeText.of(ProbeMode.CAPTION, "a dog on a sofa"))));
        assertThat(p.image()).isEqualTo(generated);
    }
}
