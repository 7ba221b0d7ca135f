package org.auditdm.world.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.ShapeKind;

/** Edits change what the oracle says exactly as their words promise. */
class EditOracleConsequencesTest {
    private final Oracle oracle = new Oracle();
    private final SceneSampler sampler = new SceneSampler(WorldPrior.UNIFORM);

    private OracleAnswer ask(Scene s, String q) {
        return oracle.answer(s, QuestionParser.parse(q).program());
    }

    @Property(tries = 80)
    void addingARedCircleRaisesTheRedCircleCountByOne(@ForAll long seed) {
        Scene before = sampler.objectScene(1 + (int) Math.floorMod(seed, 10L), new SplittableRandom(seed));
        OracleAnswer n0 = ask(before, "how many red circles are there?");
        Assume.that(n0.isAnswer());
        Scene after;
        try {
            after = Editor.apply(before, "add a red circle", new SplittableRandom(seed)).scene();
        } catch (EditException e) {
            Assume.that(false); // no room: a legitimate refusal, not a consequence to check
            return;
        }
        OracleAnswer n1 = ask(after, "how many red circles are there?");
        Assume.that(n1.isAnswer()); // the new circle may hide an old one, making the count ambiguous
        assertThat(Integer.parseInt(n1.answer())).isEqualTo(Integer.parseInt(n0.answer()) + 1);
        assertThat(ask(after, "is there a red circle?").answer()).isEqualTo("yes");
    }

    @Property(tries = 80)
    void removingAllStarsMakesStarsAbsent(@ForAll long seed) {
        Scene before = sampler.sample(SceneKind.OBJECTS, new SplittableRandom(seed));
        Scene after = Editor.apply(before, "remove all stars", new SplittableRandom(seed)).scene();
        if (after.kind() != SceneKind.OBJECTS) {
            // Removing the only objects of a scene with a sign leaves a sign scene (a scene's kind follows its
            // content), where object questions have no answer: seed 104416 found this case.
            assertThat(after.objects()).isEmpty();
            assertThat(ask(after, "how many stars are there?").isAnswer()).isFalse();
            return;
        }
        assertThat(ask(after, "how many stars are there?").answer()).isEqualTo("0");
        assertThat(ask(after, "is there a star?").answer()).isEqualTo("no");
    }

    @Property(tries = 80)
    void recolouringTheOnlyCircleChangesItsAnsweredColour(@ForAll long seed, @ForAll NamedColor colour) {
        Scene before = sampler.sample(SceneKind.OBJECTS, new SplittableRandom(seed));
        Assume.that(before.objects().stream().filter(o -> o.shape() == ShapeKind.CIRCLE).count() == 1);
        Assume.that(ask(before, "what colour is the circle?").isAnswer());
        Scene after = Editor.apply(before, "make the circle " + colour.word(), new SplittableRandom(seed)).scene();
        assertThat(ask(after, "what colour is the circle?").answer()).isEqualTo(colour.word());
    }

    @Property(tries = 40)
    void settingTheClockSetsTheAnsweredTime(@ForAll long seed) {
        Scene before = sampler.sample(SceneKind.CLOCK, new SplittableRandom(seed));
        int h = 1 + (int) Math.floorMod(seed, 12L);
        int m = 5 * (int) Math.floorMod(seed / 12, 12L);
        String time = h + ":" + (m < 10 ? "0" : "") + m;
        Scene after = Editor.apply(before, "set the clock to " + time, new SplittableRandom(seed)).scene();
        assertThat(ask(after, "what time does the clock show?").answer()).isEqualTo(time);
    }
}
