package org.auditdm.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A frozen set of reference models whose agreement stands in for ground truth. Members agree when
 * every pair of their answers means the same under the judge (unanimity: the paper's rule and the
 * strictest one; a bias the whole ensemble shares is the known blind spot).
 */
public final class ReferenceEnsemble {
    private final List<VisionLanguageModel> members;
    private final AnswerJudge judge;

    public ReferenceEnsemble(List<? extends VisionLanguageModel> members, AnswerJudge judge) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("a reference ensemble needs at least one member");
        }
        this.members = List.copyOf(members);
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    public List<VisionLanguageModel> members() {
        return members;
    }

    public AnswerJudge judge() {
        return judge;
    }

    /** Member ids joined by '+', e.g. {@code zoo:M+zoo:L}. */
    public String id() {
        return String.join("+", members.stream().map(VisionLanguageModel::id).toList());
    }

    /** The consensus over given member answers (in member order). */
    public Consensus consensus(List<String> memberAnswers) {
        if (memberAnswers.size() != members.size()) {
            throw new IllegalArgumentException("expected " + members.size() + " answers, got " + memberAnswers.size());
        }
        String first = memberAnswers.get(0);
        for (String a : memberAnswers) {
            if (a == null || !judge.same(first, a)) {
                return new Consensus(memberAnswers, null, false);
            }
        }
        return new Consensus(memberAnswers, first, true);
    }

    /** Asks every member every question (batched per member) and returns one consensus per question. */
    public List<Consensus> ask(List<VisualQuestion> questions) {
        List<List<Answer>> byMember = new ArrayList<>(members.size());
        for (VisionLanguageModel m : members) {
            byMember.add(m.answerAll(questions));
        }
        List<Consensus> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            List<String> answers = new ArrayList<>(members.size());
            for (List<Answer> a : byMember) {
                answers.add(a.get(i).text());
            }
            out.add(consensus(answers));
        }
        return out;
    }
}
