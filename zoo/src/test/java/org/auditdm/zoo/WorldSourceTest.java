package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.auditdm.world.question.AnswerSpace;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.Templates;
import org.auditdm.zoo.train.LabeledExample;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.train.ZooTraining;
import org.junit.jupiter.api.Test;

class WorldSourceTest {
    @Test
    void stepStreamsDoNotOverlap() {
        // Regression: seeds spaced by SplittableRandom's own gamma gave shifted copies of one stream.
        Set<Long> seen = new HashSet<>();
        for (int step = 0; step < 200; step++) {
            SplittableRandom r = ZooTraining.stepRandom(1, step);
            for (int i = 0; i < 100; i++) {
                assertThat(seen.add(r.nextLong())).as("step %d draw %d", step, i).isTrue();
            }
        }
    }

    @Test
    void batchesAreDeterministicDistinctAndLabelledInTheAnswerSpace() {
        WorldSource source = WorldSource.training();
        List<LabeledExample> a = source.next(ZooTraining.stepRandom(1, 1), 32);
        List<LabeledExample> again = source.next(ZooTraining.stepRandom(1, 1), 32);
        List<LabeledExample> next = source.next(ZooTraining.stepRandom(1, 2), 32);
        assertThat(a).hasSize(32);
        assertThat(a).extracting(LabeledExample::question).isEqualTo(again.stream().map(LabeledExample::question).toList());
        assertThat(a.stream().map(e -> e.image().sha256()).toList())
                .doesNotContainAnyElementsOf(next.stream().map(e -> e.image().sha256()).toList());
        for (LabeledExample e : a) {
            assertThat(AnswerSpace.contains(e.answer())).isTrue();
            assertThat(e.image().width()).isEqualTo(64);
            // Training never uses a held-out paraphrase.
            assertThat(Templates.require(QuestionParser.parse(e.question()).templateId()).heldOut()).isFalse();
        }
        assertThat(source.answers().size()).isEqualTo(AnswerSpace.size());
    }

    @Test
    void aRestrictedSourceAsksOnlyItsFamiliesButKeepsTheWholeVocabulary() {
        WorldSource shapes = WorldSource.training(List.of(Family.SHAPE, Family.CLOCK), 1);
        assertThat(shapes.name()).isEqualTo("world/training-prior[families=shape,clock;max-objects=1]");
        List<LabeledExample> batch = shapes.next(ZooTraining.stepRandom(1, 1), 64);
        assertThat(batch).hasSize(64).allSatisfy(e -> assertThat(
                Templates.require(QuestionParser.parse(e.question()).templateId()).family()).isIn(Family.SHAPE,
                Family.CLOCK));
        assertThat(shapes.questionCorpus()).isEqualTo(WorldSource.training().questionCorpus());
        assertThatThrownBy(() -> WorldSource.training(List.of(), 0)).hasMessageContaining("at least 1");
    }
}
