package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.auditdm.zoo.train.LabeledExample;
import org.auditdm.zoo.train.TrainingSource;
import org.auditdm.zoo.train.ZooTraining;

/**
 * The data-scaling control: random samples of the target's own training distribution with their true
 * labels, as if more ordinary annotated data had been bought instead of auditing.
 */
public final class TrainingSample {
    private TrainingSample() {
    }

    /** {@code count} examples drawn from {@code source} with a seed disjoint from training streams. */
    public static List<RectificationExample> draw(TrainingSource source, int count, long seed) {
        List<RectificationExample> out = new ArrayList<>(count);
        int batch = 0;
        while (out.size() < count) {
            // A seed unrelated to any training run's (seed, step) streams.
            List<LabeledExample> xs = source.next(ZooTraining.stepRandom(seed ^ 0x7A5C_0D1EL, ++batch),
                    Math.min(256, count - out.size()));
            for (LabeledExample x : xs) {
                String id = String.format(Locale.ROOT, "train-%06d", out.size());
                out.add(new RectificationExample(id, x.image(), x.image().sha256(), x.question(), x.answer(),
                        Provenance.of(Source.TRAINING_SAMPLE, source.name()), null, List.of(), x.answer()));
            }
        }
        return out;
    }
}
