package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.auditdm.api.AnswerJudge;
import org.auditdm.api.Consensus;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/**
 * The reward of the audit loop: the target and every reference member answer a batch of questions,
 * and a question earns 1 when the members agree ({@link ReferenceEnsemble#consensus}) and the
 * target's answer differs in meaning from their answer (the {@link AnswerJudge}).
 *
 * <p>Deliberately blind to ground truth: it sees only the models' answers, never the world oracle,
 * so it behaves the same on real images where no oracle exists. Members are asked one by one
 * (batched per member, like {@link ReferenceEnsemble#ask}) so that a failing member costs only the
 * questions it failed on; such questions come back with an error and reward 0, never as
 * disagreements.
 *
 * <p>With a minimum confidence ({@link #withMinConfidence}), an agreement counts only when every member
 * gives its answer at least that probability (members that report none, such as most remote models, are
 * not held to it). Measured on the embedded zoo, the references agree confidently where they are right
 * (clocks) and hesitantly on questions about absent objects, where they share a prior: without the rule
 * a GRPO-trained auditor learns to ask the latter.
 */
public final class Judging {
    private final VisionLanguageModel target;
    private final ReferenceEnsemble ensemble;
    private final AnswerJudge judge;
    private final ModelCaller caller;
    private final double minConfidence;

    public Judging(VisionLanguageModel target, ReferenceEnsemble ensemble, AnswerJudge judge, ModelCaller caller) {
        this(target, ensemble, judge, caller, 0);
    }

    private Judging(VisionLanguageModel target, ReferenceEnsemble ensemble, AnswerJudge judge, ModelCaller caller,
                    double minConfidence) {
        this.target = Objects.requireNonNull(target, "target");
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.caller = Objects.requireNonNull(caller, "caller");
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minimum confidence must lie in [0, 1], got " + minConfidence);
        }
        this.minConfidence = minConfidence;
    }

    /** The same judging, rewarding only agreements every member gives at least {@code minConfidence} (0: off). */
    public Judging withMinConfidence(double minConfidence) {
        return new Judging(target, ensemble, judge, caller, minConfidence);
    }

    /** With the ensemble's own judge deciding whether the target differs. */
    public Judging(VisionLanguageModel target, ReferenceEnsemble ensemble, ModelCaller caller) {
        this(target, ensemble, ensemble.judge(), caller);
    }

    public VisionLanguageModel target() {
        return target;
    }

    public ReferenceEnsemble ensemble() {
        return ensemble;
    }

    public AnswerJudge judge() {
        return judge;
    }

    /** One judgement per question, in order. */
    public List<Judgement> judge(List<VisualQuestion> questions) {
        List<CallResult> targetAnswers = caller.answerAll(target, questions);
        List<List<CallResult>> memberAnswers = new ArrayList<>();
        for (VisionLanguageModel m : ensemble.members()) {
            memberAnswers.add(caller.answerAll(m, questions));
        }
        List<Judgement> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            out.add(judgement(targetAnswers.get(i), memberAnswers, i));
        }
        return out;
    }

    private Judgement judgement(CallResult t, List<List<CallResult>> members, int i) {
        List<String> errors = new ArrayList<>();
        if (!t.ok()) {
            errors.add(target.id() + " (target): " + t.error() + " after " + t.attempts() + " attempt(s)");
        }
        List<String> answers = new ArrayList<>(members.size());
        boolean confident = true;
        for (int m = 0; m < members.size(); m++) {
            CallResult r = members.get(m).get(i);
            if (r.ok()) {
                answers.add(r.answer());
                confident &= Double.isNaN(r.probability()) || r.probability() >= minConfidence;
            } else {
                errors.add(ensemble.members().get(m).id() + " (reference): " + r.error()
                        + " after " + r.attempts() + " attempt(s)");
            }
        }
        if (!errors.isEmpty()) {
            return new Judgement(t.answer(), null, 0, String.join("; ", errors));
        }
        Consensus c = ensemble.consensus(answers);
        return new Judgement(t.answer(), c, confident ? reward(t.answer(), c) : 0, null);
    }

    /** The ensemble's consensus on each question, or null where a member's call failed. */
    public List<Consensus> consensus(List<VisualQuestion> questions) {
        List<List<CallResult>> memberAnswers = new ArrayList<>();
        for (VisionLanguageModel m : ensemble.members()) {
            memberAnswers.add(caller.answerAll(m, questions));
        }
        List<Consensus> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            List<String> answers = new ArrayList<>(memberAnswers.size());
            for (List<CallResult> member : memberAnswers) {
                if (member.get(i).ok()) {
                    answers.add(member.get(i).answer());
                }
            }
            out.add(answers.size() == memberAnswers.size() ? ensemble.consensus(answers) : null);
        }
        return out;
    }

    /** 1 exactly when the ensemble agrees and the target's answer means something else. */
    public int reward(String targetAnswer, Consensus c) {
        return c.agreed() && !judge.same(targetAnswer, c.answer()) ? 1 : 0;
    }
}
