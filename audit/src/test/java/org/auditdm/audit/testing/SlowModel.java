package org.auditdm.audit.testing;

import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/** A deliberately slow model: every call takes {@code millis}. */
public final class SlowModel implements VisionLanguageModel {
    private final long millis;

    public SlowModel(long millis) {
        this.millis = millis;
    }

    @Override
    public String id() {
        return "test:slow";
    }

    @Override
    public Answer answer(VisualQuestion question) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        return Answer.of("late");
    }
}
