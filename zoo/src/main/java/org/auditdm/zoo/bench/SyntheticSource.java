package org.auditdm.zoo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.train.LabeledExample;
import org.auditdm.zoo.train.TrainingSource;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/** Random images, questions and answers in a model's vocabularies: only for timing training steps. */
final class SyntheticSource implements TrainingSource {
    private final ZooModel model;

    SyntheticSource(ZooModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "synthetic-noise";
    }

    @Override
    public AnswerVocabulary answers() {
        return model.answerVocabulary();
    }

    @Override
    public List<LabeledExample> next(SplittableRandom rng, int batchSize) {
        List<VisualQuestion> qs = ZooBenchmark.syntheticQuestions(model, batchSize, rng.nextLong());
        List<LabeledExample> out = new ArrayList<>(batchSize);
        for (VisualQuestion q : qs) {
            out.add(new LabeledExample(q.image(), q.question(), answers().answer(rng.nextInt(answers().size()))));
        }
        return out;
    }

    @Override
    public List<String> questionCorpus() {
        return model.questionVocabulary().words().subList(2, model.questionVocabulary().size());
    }
}
