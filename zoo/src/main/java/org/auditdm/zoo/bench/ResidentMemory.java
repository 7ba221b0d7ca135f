package org.auditdm.zoo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.model.ZooModel;

/**
 * Checks that repeated inference does not grow the process's resident memory (Linux {@code VmRSS}), the
 * symptom of NDArrays leaking into a long-lived manager.
 */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    /**
     * Resident set size after warm-up and after the remaining inferences.
     *
     * @param afterWarmupKb VmRSS once {@code warmup} inferences were done
     * @param endKb VmRSS after all {@code inferences}
     * @param inferences questions answered in total
     * @param seconds wall time of all inferences
     * @param heapAfterWarmupKb committed Java heap after warm-up
     * @param heapEndKb committed Java heap at the end
     */
    public record Measurement(long afterWarmupKb, long endKb, long inferences, double seconds, long heapAfterWarmupKb,
                              long heapEndKb) {
        public long growthKb() {
            return endKb - afterWarmupKb;
        }

        /** RSS growth not explained by the JVM committing more heap: the native (DJL/PyTorch) part. */
        public long nonHeapGrowthKb() {
            return growthKb() - (heapEndKb - heapAfterWarmupKb);
        }
    }

    /** The current VmRSS in kB from /proc/self/status, or -1 where that file does not exist. */
    public static long residentKilobytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Answers {@code inferences} questions (cycling through {@code questions}) with answerAll in lists of 1024. */
    public static Measurement run(ZooModel model, List<VisualQuestion> questions, long warmup, long inferences) {
        long start = System.nanoTime();
        long done = 0;
        long afterWarmup = -1;
        long heapAfterWarmup = -1;
        while (done < inferences) {
            if (afterWarmup < 0 && done >= warmup) {
                System.gc();
                afterWarmup = residentKilobytes();
                heapAfterWarmup = Runtime.getRuntime().totalMemory() / 1024;
            }
            int n = (int) Math.min(questions.size(), inferences - done);
            model.answerAll(questions.subList(0, n));
            done += n;
        }
        System.gc();
        long end = residentKilobytes();
        return new Measurement(afterWarmup, end, done, (System.nanoTime() - start) / 1e9, heapAfterWarmup,
                Runtime.getRuntime().totalMemory() / 1024);
    }

    /** Runs the full 100,000-inference check on a tiny model and prints the result. */
    public static void main(String[] args) {
        var qv = org.auditdm.zoo.vocab.QuestionVocabulary.build(List.of("what colour is the square"), 1, 100);
        var av = new org.auditdm.zoo.vocab.AnswerVocabulary(List.of("yes", "no", "red", "blue"));
        try (ZooModel m = ZooModel.initialise("tiny", org.auditdm.zoo.model.ModelSpec.TINY_TRANSFORMER, qv, av, 1)) {
            List<VisualQuestion> qs = ZooBenchmark.syntheticQuestions(m, 1024, 3);
            Measurement r = run(m, qs, 20_000, 100_000);
            System.out.printf("VmRSS after warm-up %d kB, at end %d kB, growth %d kB (non-heap %d kB) over %d "
                    + "inferences in %.1f s%n", r.afterWarmupKb(), r.endKb(), r.growthKb(), r.nonHeapGrowthKb(),
                    r.inferences(), r.seconds());
        }
    }
}
