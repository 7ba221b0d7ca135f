package org.auditdm.audit.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/**
 * A deliberately unreliable model: its batch call always fails, and each question fails
 * {@code failuresPerQuestion} times with {@code failure} before it is answered with {@code answer}.
 */
public final class FlakyModel implements VisionLanguageModel {
    private final String answer;
    private final int failuresPerQuestion;
    private final RuntimeException failure;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public FlakyModel(String answer, int failuresPerQuestion, RuntimeException failure) {
        this.answer = answer;
        this.failuresPerQuestion = failuresPerQuestion;
        this.failure = failure;
    }

    @Override
    public String id() {
        return "test:flaky";
    }

    @Override
    public Answer answer(VisualQuestion q) {
        int n = attempts.merge(q.image().sha256() + q.question(), 1, Integer::sum);
        if (n <= failuresPerQuestion) {
            throw failure;
        }
        return Answer.of(answer);
    }

    @Override
    public List<Answer> answerAll(List<VisualQuestion> questions) {
        throw new IllegalStateException("batch endpoint down");
    }

    public int attempts(VisualQuestion q) {
        return attempts.getOrDefault(q.image().sha256() + q.question(), 0);
    }
}
