package org.auditdm.zoo.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/** Fine-tuning data: targeted items (drawn with replacement) mixed with a replay source at a fixed share. */
final class MixedSource implements TrainingSource {
    private final List<LabeledExample> items;
    private final TrainingSource replay;
    private final double replayFraction;
    private final AnswerVocabulary answers;

    MixedSource(List<LabeledExample> items, TrainingSource replay, double replayFraction, AnswerVocabulary answers) {
        if (replayFraction > 0 && replay == null) {
            throw new IllegalArgumentException("replayFraction " + replayFraction + " needs a replay source");
        }
        this.items = List.copyOf(items);
        this.replay = replay;
        this.replayFraction = replayFraction;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "fine-tune(" + items.size() + " items + " + replayFraction + " x "
                + (replay == null ? "none" : replay.name()) + ")";
    }

    @Override
    public AnswerVocabulary answers() {
        return answers;
    }

    @Override
    public List<LabeledExample> next(SplittableRandom rng, int batchSize) {
        int fromReplay = items.isEmpty() ? batchSize : (int) Math.round(replayFraction * batchSize);
        List<LabeledExample> out = new ArrayList<>(batchSize);
        if (fromReplay > 0) {
            out.addAll(replay.next(rng.split(), fromReplay));
        }
        for (int i = fromReplay; i < batchSize; i++) {
            out.add(items.get(rng.nextInt(items.size())));
        }
        return out;
    }

    @Override
    public List<String> questionCorpus() {
        throw new UnsupportedOperationException("fine-tuning keeps the parent's question vocabulary");
    }
}
