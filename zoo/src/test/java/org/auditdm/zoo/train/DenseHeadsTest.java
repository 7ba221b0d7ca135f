package org.auditdm.zoo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.Picture;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseHeadsTest {
    @TempDir
    Path tmp;

    @Test
    void worldExamplesCarryOneConsistentClassPerHeadAndCell() {
        WorldSource plain = WorldSource.training();
        WorldSource dense = plain.withDenseTargets(16);
        assertThat(dense.name()).isEqualTo("world/training-prior+dense16");
        assertThat(dense.questionCorpus()).isEqualTo(plain.questionCorpus());
        List<LabeledExample> batch = dense.next(ZooTraining.stepRandom(3, 1), 32);
        List<LabeledExample> same = plain.next(ZooTraining.stepRandom(3, 1), 32);
        int covered = 0;
        for (int i = 0; i < batch.size(); i++) {
            LabeledExample e = batch.get(i);
            assertThat(e.question()).isEqualTo(same.get(i).question());
            assertThat(same.get(i).dense()).isNull();
            DenseTargets t = e.dense();
            assertThat(t.grid()).isEqualTo(16);
            assertThat(t.heads()).isEqualTo(WorldSource.DENSE_CLASSES.size());
            for (int c = 0; c < 256; c++) {
                boolean object = t.classes()[c] > 0;
                covered += object ? 1 : 0;
                for (int h = 0; h < t.heads(); h++) {
                    int cls = t.classes()[h * 256 + c];
                    assertThat(cls).isBetween(0, WorldSource.DENSE_CLASSES.get(h) - 1);
                    assertThat(cls > 0).as("head %d agrees with head 0 on whether an object is there", h)
                            .isEqualTo(object);
                }
            }
        }
        assertThat(covered).isPositive();
    }

    @Test
    void denseLossWeighsCoveredAndEmptyCellsSeparatelyAndSkipsExamplesWithoutTargets() {
        List<Integer> classes = List.of(2, 3);
        Picture p = Picture.of(1, 1, new int[] {0});
        // Two cells: the first covered (head 0 class 1, head 1 class 2), the second empty (class 0 for both heads).
        LabeledExample with = new LabeledExample(p, "q", "a", new DenseTargets(2, 2, new byte[] {1, 0, 0, 0, 2, 0, 0, 0}));
        LabeledExample without = new LabeledExample(p, "q", "a");
        try (NDManager m = NDManager.newBaseManager()) {
            // Head 0 logits (0, ln 3) everywhere: p(class 1) = 3/4, p(class 0) = 1/4; head 1 uniform: p = 1/3.
            float[] one = new float[5 * 4];
            java.util.Arrays.fill(one, 4, 8, (float) Math.log(3));
            NDArray two = m.create(concat(one, one), new Shape(2, 5, 2, 2));
            double head0 = -Math.log(0.75) + ZooTraining.EMPTY_CELL_WEIGHT * -Math.log(0.25);
            double head1 = Math.log(3) + ZooTraining.EMPTY_CELL_WEIGHT * Math.log(3);
            assertThat(ZooTraining.denseLoss(m, two, List.of(with, without), classes).getFloat())
                    .isCloseTo((float) ((head0 + head1) / 2), within(1e-5f));
            assertThat(ZooTraining.denseLoss(m, two, List.of(without, without), classes)).isNull();
            LabeledExample wrongGrid = new LabeledExample(p, "q", "a", new DenseTargets(3, 2, new byte[18]));
            assertThatThrownBy(() -> ZooTraining.denseLoss(m, two, List.of(wrongGrid, with), classes))
                    .hasMessageContaining("3-cell grid");
        }
    }

    @Test
    void aFilmCnnWithDenseHeadsTrainsSavesAndAnswersLikeAnyOther() {
        trainSaveAndAnswer(ModelSpec.TINY_FILM);
    }

    @Test
    void aPatchTransformerWithDenseHeadsTrainsSavesAndAnswersLikeAnyOther() {
        trainSaveAndAnswer(ModelSpec.TINY_TRANSFORMER);
    }

    private void trainSaveAndAnswer(ModelSpec tiny) {
        ModelSpec spec = tiny.withDenseClasses(WorldSource.DENSE_CLASSES);
        assertThat(spec.denseSide()).isEqualTo(16);
        WorldSource source = WorldSource.training().withDenseTargets(spec.denseSide());
        TrainingConfig config = new TrainingConfig(4, 8, 1e-3, 1e-5, 1, 0.01, 1.0, 0, 2, 0, 7);
        ZooTraining.Result r = ZooTraining.train(spec, config, source, tmp.resolve("dense"), q -> { });
        assertThat(r.metadata().spec().denseClasses()).isEqualTo(WorldSource.DENSE_CLASSES);
        try (Checkpoints.Loaded l = Checkpoints.load(r.checkpoint())) {
            assertThat(l.model().parameters().layout().parameters()).anyMatch(d -> d.name().equals("dense.w"));
            List<VisualQuestion> qs = new ArrayList<>();
            for (LabeledExample e : source.next(ZooTraining.stepRandom(9, 1), 8)) {
                qs.add(new VisualQuestion(e.image(), e.question()));
            }
            assertThat(l.model().answerAll(qs)).hasSize(8);
            long[][] acc = DenseAccuracy.measure(l.model(), source, 1, 1);
            assertThat(acc).hasNumberOfRows(WorldSource.DENSE_CLASSES.size());
            for (long[] head : acc) {
                assertThat(head[1]).isPositive().isGreaterThanOrEqualTo(head[0]);
            }
            assertThatThrownBy(() -> DenseAccuracy.measure(l.model(), WorldSource.training(), 1, 1))
                    .hasMessageContaining("no dense targets");
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
