package org.auditdm.zoo.vocab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The closed, ordered set of answers a zoo model can give; the classifier has one output per entry.
 *
 * <p>This is a deliberate choice: a zoo model is a softmax classifier over these strings, so an answer
 * that is not in the vocabulary can never be produced, and a training example whose answer is outside it
 * is rejected. The caller (the world) supplies the list; its order defines the output ids and is stored
 * in every checkpoint.
 */
public final class AnswerVocabulary {
    private final List<String> answers;
    private final Map<String, Integer> ids;

    public AnswerVocabulary(List<String> answers) {
        Objects.requireNonNull(answers, "answers");
        if (answers.size() < 2) {
            throw new IllegalArgumentException("answer vocabulary needs at least 2 answers, got " + answers.size());
        }
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            String a = answers.get(i);
            if (a == null || a.isBlank()) {
                throw new IllegalArgumentException("answer vocabulary entry " + i + " is blank");
            }
            if (m.put(a, i) != null) {
                throw new IllegalArgumentException("answer vocabulary has duplicate answer '" + a + "' at " + i);
            }
        }
        this.answers = List.copyOf(answers);
        this.ids = m;
    }

    public int size() {
        return answers.size();
    }

    public List<String> answers() {
        return answers;
    }

    public String answer(int id) {
        return answers.get(id);
    }

    public boolean contains(String answer) {
        return ids.containsKey(answer);
    }

    /** The id of an answer; an answer outside the closed vocabulary is an {@link IllegalArgumentException}. */
    public int id(String answer) {
        Integer id = ids.get(answer);
        if (id == null) {
            throw new IllegalArgumentException("answer '" + answer + "' is not in the closed answer vocabulary of "
                    + answers.size() + " answers");
        }
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerVocabulary v && v.answers.equals(answers);
    }

    @Override
    public int hashCode() {
        return answers.hashCode();
    }

    @Override
    public String toString() {
        return "AnswerVocabulary[" + answers.size() + " answers]";
    }
}
