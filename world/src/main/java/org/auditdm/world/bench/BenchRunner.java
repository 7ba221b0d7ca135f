package org.auditdm.world.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.auditdm.api.Answer;
import org.auditdm.api.AnswerJudge;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.render.Renderer;

/** Evaluates a model in process: renders each item, asks in batches, scores with a judge. */
public final class BenchRunner {
    private static final int BATCH = 64;

    private final Renderer renderer = new Renderer();
    private final int side;
    private final AnswerJudge judge;

    public BenchRunner(int side, AnswerJudge judge) {
        this.side = side;
        this.judge = judge;
    }

    /**
     * Answers every item and scores the answers.
     *
     * @param progress called with the number of items answered so far
     */
    public SuiteScores evaluate(VisionLanguageModel model, List<BenchItem> items, IntConsumer progress) {
        Map<String, String> predictions = new HashMap<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            List<BenchItem> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
            List<VisualQuestion> qs = new ArrayList<>(chunk.size());
            for (BenchItem item : chunk) {
                qs.add(new VisualQuestion(renderer.render(item.scene(), side), item.question()));
            }
            List<Answer> answers = model.answerAll(qs);
            for (int i = 0; i < chunk.size(); i++) {
                predictions.put(chunk.get(i).id(), answers.get(i).text());
            }
            progress.accept(Math.min(items.size(), from + BATCH));
        }
        return new BenchScorer(judge).score(model.id(), items, predictions);
    }
}
