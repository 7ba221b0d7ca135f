package org.auditdm.audit.testing;

import java.util.function.Function;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/** A test model whose answers are a fixed function of (image, question): deterministic, no oracle. */
public final class ScriptedModel implements VisionLanguageModel {
    private final String id;
    private final Function<VisualQuestion, String> script;

    public ScriptedModel(String id, Function<VisualQuestion, String> script) {
        this.id = id;
        this.script = script;
    }

    /** Answers "yes" or "no" from a hash of image and question, with a salt: copies with one salt agree. */
    public static ScriptedModel hashing(String id, int salt, int modulus) {
        return new ScriptedModel(id, q -> {
            int h = (q.image().sha256() + q.question()).hashCode() * 31 + salt;
            return Math.floorMod(h, modulus) == 0 ? "no" : "yes";
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Answer answer(VisualQuestion question) {
        return Answer.of(script.apply(question));
    }
}
