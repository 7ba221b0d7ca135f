package org.auditdm.audit.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.auditdm.api.Pairing;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.world.scene.SceneKind;
import org.junit.jupiter.api.Test;

class ProbeBuilderTest {
    private final MemoryImageStore store = new MemoryImageStore();
    private final ProbeBuilder builder = new ProbeBuilder(store, 64, 3);

    private static Seed objectSeed() {
        SeedPool pool = new SeedPool(7);
        for (int i = 0; ; i++) {
            Seed s = pool.get(i);
            var first = s.scene().objects().isEmpty() ? null : s.scene().objects().get(0);
            if (s.scene().kind() == SceneKind.OBJECTS && s.scene().objects().size() >= 2
                    && s.scene().objects().stream().filter(o -> o.shape() == first.shape()).count() == 1) {
                return s;
            }
        }
    }

    private static BuiltProbe valid(BuildResult r) {
        assertThat(r).isInstanceOf(BuildResult.Valid.class);
        return ((BuildResult.Valid) r).built();
    }

    @Test
    void aQuestionIsAskedAboutTheSeedImageWithTheOracleAttached() {
        Seed seed = objectSeed();
        BuiltProbe p = valid(builder.build(ProbeRequest.of(seed, ProbeText.of(ProbeMode.QUESTION, seed.question()))));
        assertThat(p.probe().pairing()).isEqualTo(Pairing.NEW_QUESTION_ORIGINAL_IMAGE);
        assertThat(p.probe().imageSha()).isEqualTo(p.probe().seedImageSha())
                .isEqualTo(new Renderer().render(seed.scene(), 64).sha256());
        assertThat(p.oracle().status()).isEqualTo(OracleAnswer.Status.ANSWER);
        assertThat(p.oracle().answer()).isEqualTo(seed.oracleAnswer());
        assertThat(store.get(p.probe().imageSha())).isEqualTo(p.image());
    }

    @Test
    void anUnparsableQuestionIsInvalidWithItsReason() {
        BuildResult r = builder.build(ProbeRequest.of(objectSeed(),
                ProbeText.of(ProbeMode.QUESTION, "what is the flavour of the moon")));
        assertThat(r).isInstanceOf(BuildResult.Invalid.class);
        assertThat(((BuildResult.Invalid) r).reason()).startsWith("question: ").contains("column");
    }

    @Test
    void anEditMakesACounterfactualAskedTheSeedQuestion() {
        Seed seed = objectSeed();
        BuiltProbe p = valid(builder.build(ProbeRequest.of(seed, ProbeText.of(ProbeMode.EDIT, "add a red circle"))));
        assertThat(p.probe().pairing()).isEqualTo(Pairing.ORIGINAL_QUESTION_NEW_IMAGE);
        assertThat(p.probe().question()).isEqualTo(seed.question());
        assertThat(p.probe().imageSha()).isNotEqualTo(p.probe().seedImageSha());
        assertThat(store.get(p.probe().seedImageSha())).isNotNull();
        // same text, same seed: same image, whatever the batch
        BuiltProbe again = valid(builder.build(ProbeRequest.of(seed, ProbeText.of(ProbeMode.EDIT, "add a red circle"))));
        assertThat(again.probe().imageSha()).isEqualTo(p.probe().imageSha());
    }

    @Test
    void editsThatDoNotApplyOrChangeNothingAreInvalid() {
        Seed seed = objectSeed();
        BuildResult missing = builder.build(ProbeRequest.of(seed,
                ProbeText.of(ProbeMode.EDIT, "make the dodecahedron green")));
        assertThat(missing).isInstanceOf(BuildResult.Invalid.class);
        assertThat(((BuildResult.Invalid) missing).reason()).startsWith("edit: ");
        String colour = seed.scene().objects().get(0).color().name().toLowerCase();
        String shape = seed.scene().objects().get(0).shape().name().toLowerCase();
        BuildResult noop = builder.build(ProbeRequest.of(seed,
                ProbeText.of(ProbeMode.EDIT, "make the " + colour + " " + shape + " " + colour)));
        assertThat(noop).isInstanceOf(BuildResult.Invalid.class);
        assertThat(((BuildResult.Invalid) noop).reason()).contains("changes nothing");
    }

    @Test
    void aCaptionMakesANewImageAndAFailingCaptionIsInvalid() {
        Seed seed = objectSeed();
        BuiltProbe p = valid(builder.build(ProbeRequest.of(seed,
                ProbeText.of(ProbeMode.CAPTION, "a clock showing 3:45"))));
        assertThat(p.probe().pairing()).isEqualTo(Pairing.ORIGINAL_QUESTION_NEW_IMAGE);
        assertThat(p.probe().mode()).isEqualTo(ProbeMode.CAPTION);
        // an object question about a clock: the oracle says why there is no answer, and the probe is still built
        assertThat(p.oracle()).isNotNull();
        BuildResult bad = builder.build(ProbeRequest.of(seed, ProbeText.of(ProbeMode.CAPTION, "a purple elephant")));
        assertThat(bad).isInstanceOf(BuildResult.Invalid.class);
        assertThat(((BuildResult.Invalid) bad).reason()).startsWith("caption: ");
    }

    @Test
    void aNewQuestionIsPairedWithTheNewImage() {
        Seed seed = objectSeed();
        ProbeText q = ProbeText.of(ProbeMode.QUESTION, "how many circles are there?");
        BuiltProbe p = valid(builder.build(ProbeRequest.paired(seed, q, ProbeText.of(ProbeMode.EDIT, "add a red circle"))));
        assertThat(p.probe().pairing()).isEqualTo(Pairing.NEW_QUESTION_NEW_IMAGE);
        assertThat(p.probe().question()).isEqualTo(q.text());
        assertThat(p.probe().auditorText()).isEqualTo("how many circles are there? | add a red circle");
        BuiltProbe onSeed = valid(builder.build(ProbeRequest.of(seed, q)));
        assertThat(Integer.parseInt(p.oracle().answer())).isEqualTo(Integer.parseInt(onSeed.oracle().answer()) + 1);
        BuildResult badImage = builder.build(ProbeRequest.paired(seed, q, ProbeText.of(ProbeMode.CAPTION, "zzz")));
        assertThat(badImage).isInstanceOf(BuildResult.Invalid.class);
    }
    @Test
    void theCounterfactualIsTheImageTheProbeIsAskedAbout() {
        Seed seed = objectSeed();
        ProbeText edit = ProbeText.of(ProbeMode.EDIT, "add a red circle");
        BuiltProbe p = valid(builder.build(ProbeRequest.of(seed, edit)));
        assertThat(builder.counterfactual(seed, edit)).contains(p.image());
        assertThat(builder.counterfactual(seed, ProbeText.of(ProbeMode.CAPTION, "zzz"))).isEmpty();
        assertThatThrownBy(() -> builder.counterfactual(seed, ProbeText.of(ProbeMode.QUESTION, "how many?")))
                .hasMessageContaining("does not make an image");
    }

    @Test
    void anInvalidPairReportsTheImageTextFirst() {
        Seed seed = objectSeed();
        BuildResult r = builder.build(ProbeRequest.paired(seed, ProbeText.of(ProbeMode.QUESTION, ""),
                ProbeText.of(ProbeMode.CAPTION, "a purple elephant")));
        assertThat(r).isInstanceOf(BuildResult.Invalid.class);
        assertThat(((BuildResult.Invalid) r).reason()).startsWith("caption: ");
    }
}
