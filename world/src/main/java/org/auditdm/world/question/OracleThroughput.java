package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;

/**
 * Oracle speed: questions parsed from text and answered per second, on one thread and on several.
 * Timing is the only wall-clock use here; the questions themselves are seeded.
 *
 * @param questions questions answered per pass
 * @param singleThreadPerSecond parse + answer rate on one thread
 * @param threads threads of the parallel pass
 * @param multiThreadPerSecond combined rate with {@code threads} threads
 */
public record OracleThroughput(int questions, double singleThreadPerSecond, int threads, double multiThreadPerSecond) {

    /**
     * Samples {@code questions} scene/question pairs from the uniform prior, warms up on the same questions, then times
     * parsing every question text and answering it, once on one thread and once split over
     * {@code threads} threads.
     */
    public static OracleThroughput measure(int questions, int threads, long seed) {
        if (questions < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one question and one thread");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        SceneSampler scenes = new SceneSampler(WorldPrior.UNIFORM);
        QuestionSampler sampler = new QuestionSampler();
        List<Scene> sceneList = new ArrayList<>(questions);
        List<String> texts = new ArrayList<>(questions);
        while (texts.size() < questions) {
            Scene s = scenes.sample(rng);
            sampler.sampleQa(s, rng, QuestionSampler.uniformWeights(), true).ifPresent(qa -> {
                sceneList.add(s);
                texts.add(qa.text());
            });
        }
        Oracle oracle = new Oracle();
        run(oracle, sceneList, texts, 0, questions); // warm-up: let the JIT settle before timing
        long t0 = System.nanoTime();
        run(oracle, sceneList, texts, 0, questions);
        double single = questions / ((System.nanoTime() - t0) / 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t1 = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                int from = (int) ((long) questions * k / threads);
                int to = (int) ((long) questions * (k + 1) / threads);
                parts.add(pool.submit(() -> run(oracle, sceneList, texts, from, to)));
            }
            for (Future<Integer> f : parts) {
                f.get();
            }
            double multi = questions / ((System.nanoTime() - t1) / 1e9);
            return new OracleThroughput(questions, single, threads, multi);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("oracle failed while measuring: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int run(Oracle oracle, List<Scene> scenes, List<String> texts, int from, int to) {
        int answered = 0;
        for (int i = from; i < to; i++) {
            Program p = QuestionParser.parse(texts.get(i)).program();
            if (oracle.answer(scenes.get(i), p).isAnswer()) {
                answered++;
            }
        }
        return answered;
    }

    /** "12,345 questions/s on 1 thread, 23,456 on 2". */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,.0f questions/s on 1 thread, %,.0f on %d threads (%d questions)",
                singleThreadPerSecond, multiThreadPerSecond, threads, questions);
    }
}
