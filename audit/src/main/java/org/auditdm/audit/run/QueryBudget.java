package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.auditdm.api.Answer;
import org.auditdm.api.Capabilities;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/**
 * What an audit spends: the questions each model was asked, by phase (GRPO, discovery, the equal-budget
 * measurement of each auditor). For a remote model every question is a paid request unless its response
 * cache answers it (its {@code calls.json} counts say which); for a zoo model it is a forward pass.
 * Presupposition checks and the audit's own retries of failed calls are included: they cost the same.
 *
 * <p>Models are counted through {@link #count} wrappers; {@link #phase} says where the next questions
 * belong. Thread-safe.
 */
public final class QueryBudget {
    /** The phase before any is named. */
    public static final String SETUP = "setup";

    private final Map<String, Map<String, LongAdder>> byPhase = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private volatile String phase = SETUP;

    /** Questions asked per model in one phase, in the order the models were registered. */
    public record Phase(String name, Map<String, Long> questions) {
        public Phase {
            questions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(questions));
        }

        /** Questions of {@code model} in this phase (0 when it was asked none). */
        public long of(String model) {
            return questions.getOrDefault(model, 0L);
        }
    }

    /** Questions from now on count toward {@code name}. */
    public synchronized void phase(String name) {
        phase = Objects.requireNonNull(name, "name");
        byPhase.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    /** {@code model}, counted under its {@link VisionLanguageModel#id()}. */
    public VisionLanguageModel count(VisionLanguageModel model) {
        return count(model, model.id());
    }

    /**
     * {@code model}, counting every question it is asked under {@code name} (a second model of the same name,
     * say one checkpoint twice in an ensemble, is counted apart as {@code "NAME #2"}).
     */
    public synchronized VisionLanguageModel count(VisionLanguageModel model, String name) {
        Objects.requireNonNull(model, "model");
        String key = Objects.requireNonNull(name, "name");
        for (int n = 2; names.containsKey(key); n++) {
            key = name + " #" + n;
        }
        names.put(key, model.id());
        return new Counted(model, key);
    }

    /** The name each model is counted under, in registration order, to its id. */
    public synchronized Map<String, String> models() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** The phases so far, in order, each with every counted model (0 for those it did not ask). */
    public synchronized List<Phase> phases() {
        List<Phase> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, LongAdder>> e : byPhase.entrySet()) {
            Map<String, Long> q = new LinkedHashMap<>();
            for (String m : names.keySet()) {
                LongAdder a = e.getValue().get(m);
                q.put(m, a == null ? 0L : a.sum());
            }
            out.add(new Phase(e.getKey(), q));
        }
        return out;
    }

    private void add(String model, int n) {
        LongAdder a;
        synchronized (this) {
            a = byPhase.computeIfAbsent(phase, k -> new LinkedHashMap<>())
                    .computeIfAbsent(model, k -> new LongAdder());
        }
        a.add(n);
    }

    /** A model that reports the questions it is asked. */
    private final class Counted implements VisionLanguageModel {
        private final VisionLanguageModel inner;
        private final String key;

        Counted(VisionLanguageModel inner, String key) {
            this.inner = inner;
            this.key = key;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public Capabilities capabilities() {
            return inner.capabilities();
        }

        @Override
        public Answer answer(VisualQuestion question) {
            add(key, 1);
            return inner.answer(question);
        }

        @Override
        public List<Answer> answerAll(List<VisualQuestion> questions) {
            add(key, questions.size());
            return inner.answerAll(questions);
        }

        @Override
        public String toString() {
            return inner.toString();
        }
    }
}
