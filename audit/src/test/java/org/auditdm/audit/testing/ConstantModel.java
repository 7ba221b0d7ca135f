package org.auditdm.audit.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/** A deliberately broken model that gives the same answer to every question. */
public class ConstantModel implements VisionLanguageModel {
    private final String id;
    private final String answer;
    public final AtomicInteger calls = new AtomicInteger();

    public ConstantModel(String id, String answer) {
        this.id = id;
        this.answer = answer;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Answer answer(VisualQuestion question) {
        calls.incrementAndGet();
        return Answer.of(answer);
    }
}
