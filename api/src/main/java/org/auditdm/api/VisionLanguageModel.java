package org.auditdm.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers questions about images: the one thing a target or a reference model does. Implementations
 * see only pixels and question text.
 */
public interface VisionLanguageModel {
    /** A stable identifier, for example {@code zoo:S} or {@code openai:gpt-4o-mini}. */
    String id();

    /** What this model declares about itself; unknown unless an implementation says more. */
    default Capabilities capabilities() {
        return Capabilities.UNKNOWN;
    }

    /** Answers one question about one image. */
    Answer answer(VisualQuestion question);

    /**
     * Answers many questions; the result is in input order. Implementations batch where they can;
     * the answers must equal those of {@link #answer} one by one.
     */
    default List<Answer> answerAll(List<VisualQuestion> questions) {
        List<Answer> out = new ArrayList<>(questions.size());
        for (VisualQuestion q : questions) {
            out.add(answer(q));
        }
        return out;
    }
}
