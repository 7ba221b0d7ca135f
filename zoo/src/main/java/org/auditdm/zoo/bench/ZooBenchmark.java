package org.auditdm.zoo.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.train.ZooTraining;

/**
 * Measures zoo models on this machine: questions per second at batch 1 and 64 through
 * {@link ZooModel#answerAll} (including input encoding), the analytic FLOPs, and how close that comes to a
 * matrix-multiply peak measured in the same run.
 */
public final class ZooBenchmark {
    private ZooBenchmark() {
    }

    /** Benchmarks each model for about {@code perMeasurement} per batch size, after a warm-up. */
    public static BenchmarkReport run(List<ZooModel> models, Duration perMeasurement) {
        return run(models, perMeasurement, 0);
    }

    /**
     * As {@link #run(List, Duration)}, and if {@code trainSteps > 0} also times that many training steps at batch
     * 64 on synthetic data. Training changes the models' parameters: use fresh models for that.
     */
    public static BenchmarkReport run(List<ZooModel> models, Duration perMeasurement, int trainSteps) {
        double peak = matmulPeakGflops(perMeasurement);
        List<BenchmarkRow> rows = new ArrayList<>();
        for (ZooModel m : models) {
            List<VisualQuestion> qs = syntheticQuestions(m, 64, 17);
            double b1 = perSecond(m, qs.subList(0, 1), perMeasurement);
            double b64 = perSecond(m, qs, perMeasurement);
            long flops = m.spec().flopsPerInference(m.answerVocabulary().size());
            double gflops = flops * b64 / 1e9;
            double train = trainSteps > 0
                    ? 1000 * ZooTraining.secondsPerStep(m, new SyntheticSource(m), 64, trainSteps)
                    : Double.NaN;
            rows.add(new BenchmarkRow(m.id(), m.spec().family() + " " + m.spec().name(), m.parameterCount(), flops,
                    b1, b64, gflops, gflops / peak, train));
        }
        return new BenchmarkReport(peak, rows);
    }

    /** GFLOP/s of repeated 512x512 float32 matrix products through DJL (2 x 512^3 FLOPs each). */
    public static double matmulPeakGflops(Duration duration) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SplittableRandom rng = new SplittableRandom(1);
            float[] data = new float[512 * 512];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) rng.nextDouble();
            }
            NDArray a = manager.create(data, new Shape(512, 512));
            NDArray b = manager.create(data, new Shape(512, 512));
            for (int i = 0; i < 5; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray c = a.matMul(b);
                    c.attach(scope);
                    c.getFloat(0, 0);
                }
            }
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            int n = 0;
            while (System.nanoTime() < end || n < 3) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray c = a.matMul(b);
                    c.attach(scope);
                    c.getFloat(0, 0);
                }
                n++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            return n * 2.0 * 512 * 512 * 512 / secs / 1e9;
        }
    }

    private static double perSecond(ZooModel m, List<VisualQuestion> qs, Duration d) {
        for (int i = 0; i < 3; i++) {
            m.answerAll(qs);
        }
        long start = System.nanoTime();
        long end = start + d.toNanos();
        int calls = 0;
        while (System.nanoTime() < end || calls < 3) {
            m.answerAll(qs);
            calls++;
        }
        return (double) calls * qs.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Random-pixel images with questions made of vocabulary words (speed does not depend on content). */
    public static List<VisualQuestion> syntheticQuestions(ZooModel m, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> words = m.questionVocabulary().words();
        int side = m.spec().imageSize();
        List<VisualQuestion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] px = new int[side * side];
            for (int j = 0; j < px.length; j++) {
                px[j] = rng.nextInt(1 << 24);
            }
            StringBuilder q = new StringBuilder();
            int len = 6 + rng.nextInt(10);
            for (int k = 0; k < len; k++) {
                q.append(words.get(2 + rng.nextInt(Math.max(1, words.size() - 2)))).append(' ');
            }
            out.add(new VisualQuestion(Picture.of(side, side, px), q.toString().trim() + "?"));
        }
        return out;
    }
}
