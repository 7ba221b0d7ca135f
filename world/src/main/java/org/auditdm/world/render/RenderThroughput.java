package org.auditdm.world.render;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.Scene;

/**
 * Measures how many scenes per second the renderer paints, on one thread and on several. Scenes are
 * sampled beforehand from the training prior (sampling is not timed), and PNG encoding is not
 * included: this is the cost of producing pixels, as training and auditing pay it.
 */
public final class RenderThroughput {
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 3;

    /**
     * One measurement.
     *
     * @param side image side in pixels
     * @param scenes scenes rendered per timed run
     * @param threads threads of the parallel run
     * @param singleThreadPerSecond scenes per second on one thread
     * @param parallelPerSecond scenes per second on {@code threads} threads
     */
    public record Result(int side, int scenes, int threads, double singleThreadPerSecond, double parallelPerSecond) {
        /** Parallel over single-thread throughput. */
        public double speedup() {
            return parallelPerSecond / singleThreadPerSecond;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%dpx, %d scenes: %.0f scenes/s on 1 thread, %.0f scenes/s on %d threads (x%.2f)",
                    side, scenes, singleThreadPerSecond, parallelPerSecond, threads, speedup());
        }
    }

    private RenderThroughput() {
    }

    /**
     * Renders {@code scenes} pre-sampled scenes for about a second to warm up, then times them on one
     * thread and on {@code threads} threads (best of three rounds each).
     *
     * @throws IllegalArgumentException for a bad side, fewer than 1 scene or thread
     */
    public static Result measure(int side, int scenes, int threads, long seed) {
        Limits.checkImageSide(side);
        if (scenes < 1) {
            throw new IllegalArgumentException("scenes must be at least 1, got " + scenes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        SceneSampler sampler = new SceneSampler(WorldPrior.TRAINING);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Scene> list = new ArrayList<>(scenes);
        for (int i = 0; i < scenes; i++) {
            list.add(sampler.sample(rng));
        }
        Renderer renderer = new Renderer();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "render-bench");
            t.setDaemon(true);
            return t;
        });
        try {
            // Warm-up on both paths until the JIT has settled (at least a second), on every thread.
            long warmEnd = System.nanoTime() + WARM_UP_NANOS;
            long sink = 0;
            do {
                sink += renderAll(renderer, list, side);
                sink += renderParallel(renderer, list, side, threads, pool);
            } while (System.nanoTime() < warmEnd);
            // Best of a few rounds: on a shared machine the fastest round is the least disturbed one.
            long single = Long.MAX_VALUE;
            long parallel = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                sink += renderAll(renderer, list, side);
                long t1 = System.nanoTime();
                sink += renderParallel(renderer, list, side, threads, pool);
                long t2 = System.nanoTime();
                single = Math.min(single, t1 - t0);
                parallel = Math.min(parallel, t2 - t1);
            }
            if (sink == 42) {
                // Keeps the results observable so the work cannot be optimised away.
                Thread.onSpinWait();
            }
            return new Result(side, scenes, threads, scenes / (single / 1e9), scenes / (parallel / 1e9));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long renderAll(Renderer renderer, List<Scene> scenes, int side) {
        long sink = 0;
        for (Scene s : scenes) {
            sink += renderer.render(s, side).rgb(side / 2, side / 2);
        }
        return sink;
    }

    private static long renderParallel(Renderer renderer, List<Scene> scenes, int side, int threads,
                                       ExecutorService pool) {
        List<Future<Long>> parts = new ArrayList<>(threads);
        int n = scenes.size();
        for (int t = 0; t < threads; t++) {
            List<Scene> chunk = scenes.subList(t * n / threads, (t + 1) * n / threads);
            parts.add(pool.submit(() -> renderAll(renderer, chunk, side)));
        }
        long sink = 0;
        try {
            for (Future<Long> f : parts) {
                sink += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring render throughput", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering failed while measuring throughput: " + e.getCause(), e.getCause());
        }
        return sink;
    }

    /** Prints measurements at 64 and 256 pixels: {@code RenderThroughput [scenes] [threads]}. */
    public static void main(String[] args) {
        int scenes = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        System.out.println(measure(64, scenes, threads, 1));
        System.out.println(measure(256, Math.max(1, scenes / 8), threads, 1));
    }
}
