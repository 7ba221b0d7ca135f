package org.auditdm.zoo.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * Where training examples come from (the world, later). Must be deterministic: the same {@code rng} state
 * gives the same batch, which is what makes training reproducible and resume exact.
 */
public interface TrainingSource {
    /** A short name recorded in checkpoints as the data prior, for example "world/training-prior". */
    String name();

    /** The closed answer vocabulary of this data; every example's answer must be in it. */
    AnswerVocabulary answers();

    /** Draws {@code batchSize} examples using only {@code rng}. */
    List<LabeledExample> next(SplittableRandom rng, int batchSize);

    /**
     * Question strings the question vocabulary is built from. The default draws 4096 examples from a fixed
     * seed; sources with a known grammar should return every template instead.
     */
    default List<String> questionCorpus() {
        SplittableRandom rng = new SplittableRandom(0x5EEDL);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            for (LabeledExample e : next(rng, 64)) {
                out.add(e.question());
            }
        }
        return out;
    }
}
