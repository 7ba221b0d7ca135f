package org.auditdm.world.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.junit.jupiter.api.Test;

/** Sampled questions are answerable, balanced, deterministic and inside the answer space. */
class QuestionSamplerTest {
    private static final Oracle ORACLE = new Oracle();
    private static final QuestionSampler SAMPLER = new QuestionSampler(ORACLE);

    @Test
    void everyOracleAnswerOnThousandsOfSampledQuestionsIsInTheAnswerSpace() {
        SplittableRandom rng = new SplittableRandom(11);
        Map<Family, Integer> perFamily = new EnumMap<>(Family.class);
        int answered = 0;
        for (WorldPrior prior : List.of(WorldPrior.TRAINING, WorldPrior.UNIFORM)) {
            SceneSampler scenes = new SceneSampler(prior.withKindWeights(0.55, 0.15, 0.15, 0.15));
            for (int i = 0; i < 1500; i++) {
                Scene scene = scenes.sample(rng);
                Optional<QA> qa = SAMPLER.sampleQa(scene, rng, QuestionSampler.uniformWeights(), true);
                if (qa.isEmpty()) {
                    continue;
                }
                OracleAnswer a = ORACLE.answer(scene, QuestionParser.parse(qa.get().text()).program());
                assertThat(a.isAnswer()).as(qa.get().text()).isTrue();
                assertThat(a.answer()).isEqualTo(qa.get().answer());
                assertThat(AnswerSpace.indexOf(a.answer())).as("answer '%s' to %s", a.answer(), qa.get().text())
                        .isNotNegative();
                perFamily.merge(qa.get().program().family(), 1, Integer::sum);
                answered++;
            }
        }
        assertThat(answered).isGreaterThan(2800);
        assertThat(perFamily.keySet()).containsExactlyInAnyOrder(Family.values());
    }

    @Test
    void answerSpaceIsClosedOrderedAndComplete() {
        assertThat(AnswerSpace.answers()).doesNotHaveDuplicates();
        assertThat(AnswerSpace.answers()).contains("yes", "no", "0", "12", "red", "gray", "circle", "cross", "small",
                "striped", "top left", "center", "a", "h", "12:00", "1:00", "3:05", "11:59", "stop", "100", "z");
        assertThat(AnswerSpace.answers().stream().filter(a -> a.matches("\\d{1,2}:\\d\\d"))).hasSize(720);
        assertThat(AnswerSpace.indexOf("yes")).isZero();
        assertThat(AnswerSpace.indexOf("purple dragon")).isEqualTo(-1);
        for (int i = 0; i < AnswerSpace.size(); i++) {
            assertThat(AnswerSpace.indexOf(AnswerSpace.answer(i))).isEqualTo(i);
            assertThat(AnswerSpace.answer(i)).isEqualTo(AnswerSpace.answer(i).toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void everyApplicableFamilyIsAnswerableAndYesNoFamiliesAreBalanced() {
        SplittableRandom rng = new SplittableRandom(5);
        SceneSampler scenes = new SceneSampler(WorldPrior.UNIFORM);
        for (Family f : Family.values()) {
            int yes = 0;
            int total = 0;
            for (int i = 0; i < 160; i++) {
                SceneKind kind = f.kinds().stream().sorted().toList().get(i % f.kinds().size());
                Scene scene = scenes.sample(kind, rng);
                Optional<Program> p = SAMPLER.sample(f, scene, rng);
                if (p.isEmpty()) {
                    continue;
                }
                OracleAnswer a = ORACLE.answer(scene, p.get());
                assertThat(a.isAnswer()).as("%s on %s", p.get(), kind).isTrue();
                total++;
                yes += a.answer().equals("yes") ? 1 : 0;
            }
            assertThat(total).as("answerable %s questions", f).isGreaterThan(f.textual() ? 50 : 100);
            if (f.yesNo()) {
                assertThat((double) yes / total).as("share of 'yes' for %s", f).isBetween(0.35, 0.65);
            }
        }
    }

    @Test
    void samplingIsDeterministic() {
        SceneSampler scenes = new SceneSampler(WorldPrior.TRAINING);
        List<QA> a = draw(scenes, 99);
        List<QA> b = draw(scenes, 99);
        assertThat(a).isEqualTo(b).isNotEmpty();
    }

    private static List<QA> draw(SceneSampler scenes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<QA> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SAMPLER.sampleQa(scenes.sample(rng), rng, QuestionSampler.uniformWeights(), false).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void popeNegativesNameAbsentObjectsAndAdversarialOnesReusePresentAttributes() {
        SplittableRandom rng = new SplittableRandom(3);
        SceneSampler scenes = new SceneSampler(WorldPrior.UNIFORM);
        int adversarial = 0;
        for (int i = 0; i < 200; i++) {
            Scene scene = scenes.objectScene(2 + rng.nextInt(6), rng);
            for (QuestionSampler.Negative kind : QuestionSampler.Negative.values()) {
                Optional<Program> p = SAMPLER.existenceNegative(scene, kind, rng);
                if (p.isEmpty()) {
                    continue;
                }
                assertThat(ORACLE.answer(scene, p.get()).answer()).isEqualTo("no");
                if (kind == QuestionSampler.Negative.ADVERSARIAL) {
                    adversarial++;
                    var f = p.get().subject();
                    assertThat(scene.objects().stream().map(SceneObject::color)).contains(f.color());
                    assertThat(scene.objects().stream().map(SceneObject::shape)).contains(f.shape());
                }
            }
        }
        assertThat(adversarial).isGreaterThan(100);
    }

    @Test
    void mixedDrawsOnlyUseFamiliesOfTheSceneKindAndRespectZeroWeights() {
        SplittableRandom rng = new SplittableRandom(8);
        SceneSampler scenes = new SceneSampler(WorldPrior.UNIFORM);
        double[] onlyCount = new double[Family.values().length];
        onlyCount[Family.COUNT.ordinal()] = 1;
        onlyCount[Family.CLOCK.ordinal()] = 1;
        for (int i = 0; i < 100; i++) {
            Scene scene = scenes.sample(rng);
            Optional<Program> p = SAMPLER.sample(scene, rng, onlyCount);
            if (scene.kind() == SceneKind.OBJECTS) {
                assertThat(p).map(Program::family).contains(Family.COUNT);
            } else if (scene.kind() == SceneKind.CLOCK) {
                assertThat(p).map(Program::family).contains(Family.CLOCK);
            } else {
                assertThat(p).isEmpty();
            }
        }
    }

    @Test
    void heldOutTemplatesAppearOnlyWhenAskedFor() {
        SplittableRandom rng = new SplittableRandom(1);
        for (Family f : Family.values()) {
            assertThat(Templates.of(f)).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Templates.of(f)).anyMatch(Template::heldOut);
            boolean sawHeldOut = false;
            for (int i = 0; i < 200; i++) {
                assertThat(QuestionSampler.pickTemplate(f, rng, false).heldOut()).isFalse();
                sawHeldOut |= QuestionSampler.pickTemplate(f, rng, true).heldOut();
            }
            assertThat(sawHeldOut).isTrue();
        }
        assertThat(Templates.all().stream().map(Template::id)).doesNotHaveDuplicates();
    }

    @Test
    void throughputIsMeasured() {
        OracleThroughput t = OracleThroughput.measure(300, 2, 4);
        assertThat(t.singleThreadPerSecond()).isPositive();
        assertThat(t.multiThreadPerSecond()).isPositive();
        assertThat(t.toString()).contains("questions/s");
    }
}
