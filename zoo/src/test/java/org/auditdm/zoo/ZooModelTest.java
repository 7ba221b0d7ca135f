package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.Test;

class ZooModelTest {
    static final QuestionVocabulary QV = QuestionVocabulary.build(
            List.of("what colour is the square", "is the square on the left", "left of"), 1, 100);

    static List<VisualQuestion> randomQuestions(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<VisualQuestion> out = new ArrayList<>();
        String[] qs = {"what colour is the square?", "is the square on the left?", "is the square left of the circle?"};
        for (int i = 0; i < n; i++) {
            int[] px = new int[64 * 64];
            for (int j = 0; j < px.length; j++) {
                px[j] = rng.nextInt(1 << 24);
            }
            out.add(new VisualQuestion(Picture.of(64, 64, px), qs[rng.nextInt(qs.length)]));
        }
        return out;
    }

    private static void assertSame(Answer actual, Answer expected, String what) {
        assertThat(actual.text()).as(what).isEqualTo(expected.text());
        assertThat(actual.probability()).as(what).isCloseTo(expected.probability(), org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void batchedAnswersEqualOneByOneForBothFamilies() {
        List<VisualQuestion> qs = randomQuestions(70, 3);
        for (ModelSpec spec : List.of(ModelSpec.TINY_FILM, ModelSpec.TINY_TRANSFORMER)) {
            try (ZooModel m = ZooModel.initialise("t", spec, QV, ToySquares.ANSWERS, 11)) {
                List<Answer> batched = m.answerAll(qs);
                assertThat(batched).hasSize(70);
                // Same answers; probabilities equal up to float rounding (batched kernels may sum in another order).
                for (int i = 0; i < qs.size(); i++) {
                    assertSame(m.answer(qs.get(i)), batched.get(i), spec.name() + " question " + i);
                }
                // A different chunking (offset 5) gives the same answers too.
                List<Answer> chunked = m.answerAll(qs.subList(5, 70));
                for (int i = 0; i < chunked.size(); i++) {
                    assertSame(chunked.get(i), batched.get(i + 5), spec.name() + " chunked question " + (i + 5));
                }
                assertThat(batched).allSatisfy(a -> assertThat(a.probability()).isBetween(0.0, 1.0));
            }
        }
    }

    @Test
    void sameSeedGivesSameParametersAndDifferentSeedDifferent() {
        try (ZooModel a = ZooModel.initialise("a", ModelSpec.TINY_FILM, QV, ToySquares.ANSWERS, 5);
             ZooModel b = ZooModel.initialise("b", ModelSpec.TINY_FILM, QV, ToySquares.ANSWERS, 5);
             ZooModel c = ZooModel.initialise("c", ModelSpec.TINY_FILM, QV, ToySquares.ANSWERS, 6)) {
            assertThat(a.parameters().values()).usingRecursiveComparison().isEqualTo(b.parameters().values());
            assertThat(a.parameters().values().get(0)).isNotEqualTo(c.parameters().values().get(0));
        }
    }

    @Test
    void presetsHaveTheRequiredSizeRatios() {
        int qv = 200;
        int av = 100;
        long s = ModelSpec.S.parameterCount(qv, av);
        long m = ModelSpec.M.parameterCount(qv, av);
        long l = ModelSpec.L.parameterCount(qv, av);
        assertThat(s).isBetween(200_000L, 500_000L);
        // The paper's 3B / 10B / 28B: M at least 3 times S, L at least 9 times S and larger than M.
        assertThat(m).isGreaterThanOrEqualTo(3 * s);
        assertThat(l).isGreaterThanOrEqualTo(9 * s).isGreaterThan(m);
        // float16 checkpoints stay under 8 MB
        assertThat(l * 2).isLessThan(8_000_000L);
    }

    @Test
    void presetsRunAndMatchTheirAnalyticParameterCounts() {
        for (ModelSpec spec : List.of(ModelSpec.S, ModelSpec.M, ModelSpec.L)) {
            try (ZooModel m = ZooModel.initialise("p", spec, QV, ToySquares.ANSWERS, 1)) {
                long counted = 0;
                for (var a : m.parameters().trainable()) {
                    counted += a.size();
                }
                assertThat(counted).isEqualTo(spec.parameterCount(QV.size(), ToySquares.ANSWERS.size()));
                assertThat(m.answer(randomQuestions(1, 4).get(0)).text()).isIn(ToySquares.ANSWERS.answers());
            }
        }
        // Exact counts for a reference vocabulary of 200 question words and 100 answers.
        assertThat(ModelSpec.S.parameterCount(200, 100)).isEqualTo(222_980L);
        assertThat(ModelSpec.M.parameterCount(200, 100)).isEqualTo(1_914_308L);
        assertThat(ModelSpec.L.parameterCount(200, 100)).isEqualTo(3_133_860L);
    }

    @Test
    void rejectsWrongImageSizeAndUseAfterClose() {
        ZooModel m = ZooModel.initialise("t", ModelSpec.TINY_FILM, QV, ToySquares.ANSWERS, 1);
        Picture small = Picture.of(32, 32, new int[32 * 32]);
        assertThatThrownBy(() -> m.answer(new VisualQuestion(small, "what colour?")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64x64");
        m.close();
        assertThatThrownBy(() -> m.answer(randomQuestions(1, 1).get(0))).hasMessageContaining("closed");
    }

    @Test
    void inferenceLeavesNoArraysBehind() {
        try (ZooModel m = ZooModel.initialise("t", ModelSpec.TINY_TRANSFORMER, QV, ToySquares.ANSWERS, 1)) {
            List<VisualQuestion> qs = randomQuestions(10, 2);
            m.answerAll(qs);
            int before = m.parameters().manager().getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                m.answerAll(qs);
                m.answer(qs.get(0));
            }
            assertThat(m.parameters().manager().getManagedArrays()).hasSize(before);
        }
    }
}
