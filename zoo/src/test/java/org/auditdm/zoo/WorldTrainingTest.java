package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Answer;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.question.Family;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.train.LabeledExample;
import org.auditdm.zoo.train.TrainingProgress;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.train.ZooTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny model learns an easy world family from pixels: the colour of a sign board. */
class WorldTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void tinyModelLearnsSignColourFarAboveChance() {
        double[] weights = new double[Family.values().length];
        weights[Family.SIGN_COLOR.ordinal()] = 1;
        WorldSource signs = new WorldSource("world/sign-colour", WorldPrior.TRAINING.withKindWeights(0, 0, 1, 0),
                weights, Renderer.DEFAULT_SIDE);
        List<TrainingProgress> reports = new ArrayList<>();
        ZooTraining.Result r = ZooTraining.train(ModelSpec.TINY_FILM, TrainingTest.config(200, 3), signs,
                tmp.resolve("m"), reports::add);
        assertThat(reports.get(reports.size() - 1).loss()).isLessThan(reports.get(0).loss() * 0.5);

        List<LabeledExample> held = signs.next(new SplittableRandom(99), 200);
        List<VisualQuestion> qs = held.stream().map(e -> new VisualQuestion(e.image(), e.question())).toList();
        try (Checkpoints.Loaded l = Checkpoints.load(r.checkpoint())) {
            List<Answer> answers = l.model().answerAll(qs);
            int ok = 0;
            for (int i = 0; i < held.size(); i++) {
                ok += answers.get(i).text().equals(held.get(i).answer()) ? 1 : 0;
            }
            // Twelve colours: chance is about 8%.
            assertThat(ok / (double) held.size()).isGreaterThan(0.5);
        }
    }
}
