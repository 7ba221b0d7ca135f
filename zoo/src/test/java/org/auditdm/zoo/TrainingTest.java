package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Answer;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.train.LabeledExample;
import org.auditdm.zoo.train.StopReason;
import org.auditdm.zoo.train.TrainingConfig;
import org.auditdm.zoo.train.TrainingProgress;
import org.auditdm.zoo.train.ZooTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir
    Path tmp;

    static TrainingConfig config(int steps, long seed) {
        return new TrainingConfig(steps, 32, 3e-3, 1e-4, 10, 0.01, 1.0, 0, 10, 0, seed);
    }

    static double accuracy(Path checkpoint, int n) {
        SplittableRandom rng = new SplittableRandom(424242);
        List<VisualQuestion> qs = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LabeledExample e = ToySquares.example(rng);
            qs.add(new VisualQuestion(e.image(), e.question()));
            truth.add(e.answer());
        }
        try (Checkpoints.Loaded l = Checkpoints.load(checkpoint)) {
            List<Answer> answers = l.model().answerAll(qs);
            int ok = 0;
            for (int i = 0; i < n; i++) {
                ok += answers.get(i).text().equals(truth.get(i)) ? 1 : 0;
            }
            return (double) ok / n;
        }
    }

    @Test
    void batchNormStatisticsLearnInTrainingAndStayFixedWhenAnswering() {
        ZooTraining.Result r = ZooTraining.train(ModelSpec.TINY_FILM, config(20, 4), new ToySquares(),
                tmp.resolve("bn"), p -> { });
        try (Checkpoints.Loaded l = Checkpoints.load(r.checkpoint())) {
            var params = l.model().parameters();
            var buffers = params.layout().parameters().stream().filter(d -> !d.trainable()).toList();
            assertThat(buffers).isNotEmpty().allSatisfy(d -> assertThat(d.name()).matches(".*\\.(mean|var)"));
            assertThat(params.trainableDefs()).noneMatch(d -> buffers.contains(d));
            assertThat(l.model().parameterCount()).isEqualTo(params.trainable().stream().mapToLong(a -> a.size()).sum());
            // The forward passes of training moved the running means away from their initial zeros ...
            String mean = buffers.stream().filter(d -> d.name().endsWith(".mean")).findFirst().orElseThrow().name();
            float[] before = params.get(mean).toFloatArray();
            assertThat(before).satisfies(v -> assertThat(java.util.stream.IntStream.range(0, v.length)
                    .anyMatch(i -> v[i] != 0f)).isTrue());
            // ... and answering never changes them, so an answer does not depend on earlier questions.
            l.model().answerAll(ZooModelTest.randomQuestions(16, 2));
            assertThat(params.get(mean).toFloatArray()).isEqualTo(before);
        }
    }

    @Test
    void trainingLowersTheLossAndBeatsChance() {
        List<TrainingProgress> reports = new ArrayList<>();
        ZooTraining.Result r = ZooTraining.train(ModelSpec.TINY_FILM, config(150, 1), new ToySquares(),
                tmp.resolve("film"), reports::add);
        assertThat(r.stopReason()).isEqualTo(StopReason.MAX_STEPS);
        assertThat(reports).hasSize(15);
        assertThat(reports.get(14).loss()).isLessThan(reports.get(0).loss() * 0.6);
        CheckpointMetadata meta = r.metadata();
        assertThat(meta.training().stepsDone()).isEqualTo(150);
        assertThat(meta.training().dataSource()).isEqualTo("toy-squares");
        assertThat(meta.questionVocabulary()).contains("colour", "left");
        // Always answering the most frequent answer scores 0.25; colour alone is learnable to ~1, position to ~1.
        double acc = accuracy(r.checkpoint(), 400);
        assertThat(acc).isGreaterThan(0.6);
    }

    @Test
    void patchTransformerTrainsToo() {
        ZooTraining.Result r = ZooTraining.train(ModelSpec.TINY_TRANSFORMER, config(120, 2), new ToySquares(),
                tmp.resolve("vit"), p -> { });
        assertThat(accuracy(r.checkpoint(), 400)).isGreaterThan(0.45);
    }

    @Test
    void sameSeedAndConfigGiveBitwiseIdenticalParameters() {
        String a = ZooTraining.train(ModelSpec.TINY_FILM, config(20, 7), new ToySquares(), tmp.resolve("a"),
                p -> { }).metadata().parameterChecksum();
        String b = ZooTraining.train(ModelSpec.TINY_FILM, config(20, 7), new ToySquares(), tmp.resolve("b"),
                p -> { }).metadata().parameterChecksum();
        String c = ZooTraining.train(ModelSpec.TINY_FILM, config(20, 8), new ToySquares(), tmp.resolve("c"),
                p -> { }).metadata().parameterChecksum();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void resumeAfterInterruptionEqualsAStraightRun() {
        TrainingConfig cfg = config(30, 3).withCheckpointEvery(15);
        String straight = ZooTraining.train(ModelSpec.TINY_TRANSFORMER, cfg, new ToySquares(), tmp.resolve("straight"),
                p -> { }).metadata().parameterChecksum();
        Path dir = tmp.resolve("interrupted");
        // The listener fires after the step-20 report; the last checkpoint on disk is from step 15.
        assertThatThrownBy(() -> ZooTraining.train(ModelSpec.TINY_TRANSFORMER, cfg, new ToySquares(), dir, p -> {
            if (p.step() == 20) {
                throw new IllegalStateException("simulated crash");
            }
        })).hasMessageContaining("simulated crash");
        assertThat(Checkpoints.readMetadata(dir).training().stepsDone()).isEqualTo(15);
        ZooTraining.Result resumed = ZooTraining.train(ModelSpec.TINY_TRANSFORMER, cfg, new ToySquares(), dir, p -> { });
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.metadata().training().stepsDone()).isEqualTo(30);
        assertThat(resumed.metadata().parameterChecksum()).isEqualTo(straight);
        // A different config cannot silently continue someone else's run.
        assertThatThrownBy(() -> ZooTraining.train(ModelSpec.TINY_TRANSFORMER, config(40, 3), new ToySquares(), dir,
                p -> { })).hasMessageContaining("different run");
    }

    @Test
    void timeBudgetStopsEarlyAndIsRecorded() {
        TrainingConfig cfg = config(1_000_000, 4).withMaxMinutes(0.02);
        ZooTraining.Result r = ZooTraining.train(ModelSpec.TINY_FILM, cfg, new ToySquares(), tmp.resolve("budget"),
                p -> { });
        assertThat(r.stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(r.metadata().training().stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(r.metadata().training().stepsDone()).isBetween(1, 999_999);
    }

    @Test
    void fineTuneRecordsParentAndRecipeAndTheChainIsWalkable() {
        Path base = tmp.resolve("base");
        ZooTraining.train(ModelSpec.TINY_FILM, config(20, 5), new ToySquares(), base, p -> { });
        SplittableRandom rng = new SplittableRandom(9);
        List<LabeledExample> items = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            items.add(ToySquares.example(rng));
        }
        Path child = tmp.resolve("child");
        ZooTraining.Result r1 = ZooTraining.fineTune(base, items, new ToySquares(), 0.5, config(10, 6), child,
                p -> { }, CheckpointTest.CLOCK);
        Path grandchild = tmp.resolve("grandchild");
        ZooTraining.fineTune(child, items, null, 0.0, config(5, 7), grandchild, p -> { }, CheckpointTest.CLOCK);
        CheckpointMetadata m1 = r1.metadata();
        assertThat(m1.parent().parameterChecksum()).isEqualTo(Checkpoints.readMetadata(base).parameterChecksum());
        assertThat(m1.dataRecipe().itemCount()).isEqualTo(16);
        assertThat(m1.dataRecipe().replayFraction()).isEqualTo(0.5);
        assertThat(m1.dataRecipe().replaySource()).isEqualTo("toy-squares");
        List<CheckpointMetadata> chain = Checkpoints.provenance(grandchild);
        assertThat(chain).extracting(CheckpointMetadata::id)
                .containsExactly(Checkpoints.readMetadata(grandchild).id(), m1.id(), Checkpoints.readMetadata(base).id());
        List<LabeledExample> outside = List.of(new LabeledExample(items.get(0).image(), "what?", "purple"));
        assertThatThrownBy(() -> ZooTraining.fineTune(base, outside, null, 0.0, config(5, 7), tmp.resolve("x"),
                p -> { }, CheckpointTest.CLOCK)).hasMessageContaining("outside the parent's closed answer vocabulary");
    }
}
