package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.auditdm.api.Consensus;
import org.auditdm.api.VisualQuestion;
import org.auditdm.audit.probe.BuildResult;
import org.auditdm.audit.probe.BuiltProbe;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;

/**
 * Builds and judges a batch of auditor texts: the reward function of the RL loop and the inner step
 * of discovery. All valid probes of a batch go to each model in one batched call.
 */
public final class Evaluator {
    private final ProbeBuilder builder;
    private final Judging judging;
    private final boolean checkPresuppositions;

    /** An evaluator that rewards every disagreement with an agreeing ensemble (the paper's reward). */
    public Evaluator(ProbeBuilder builder, Judging judging) {
        this(builder, judging, false);
    }

    /**
     * @param checkPresuppositions also require the ensemble to confirm what a rewarded question takes for
     *     granted ({@link Presuppositions}); a disagreement it does not confirm earns 0
     */
    public Evaluator(ProbeBuilder builder, Judging judging, boolean checkPresuppositions) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.judging = Objects.requireNonNull(judging, "judging");
        this.checkPresuppositions = checkPresuppositions;
    }

    public ProbeBuilder builder() {
        return builder;
    }

    public Judging judging() {
        return judging;
    }

    /**
     * Rewarded judgements whose presuppositions the ensemble does not confirm lose their reward; those whose
     * checks could not be asked (a failed call) become errors, never disagreements.
     */
    private List<Judgement> checked(List<VisualQuestion> questions, List<Judgement> judgements) {
        List<Presuppositions.Asked> checks = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (judgements.get(i).reward() == 1) {
                Presuppositions.addChecks(i, questions.get(i).image(), questions.get(i).question(), checks);
            }
        }
        if (checks.isEmpty()) {
            return judgements;
        }
        List<Consensus> answers = judging.consensus(Presuppositions.questions(checks));
        List<Judgement> out = new ArrayList<>(judgements);
        for (int k = 0; k < checks.size(); k++) {
            int i = checks.get(k).owner();
            Judgement j = out.get(i);
            if (j.failed()) {
                continue;
            }
            Consensus c = answers.get(k);
            if (c == null) {
                out.set(i, new Judgement(j.targetAnswer(), null, 0, "a reference failed on the presupposition check \""
                        + checks.get(k).question().question() + "\""));
            } else if (!checks.get(k).confirmedBy(c, judging.judge())) {
                out.set(i, new Judgement(j.targetAnswer(), j.consensus(), 0, null));
            }
        }
        return out;
    }

    /** One evaluation per request, in input order. */
    public List<Evaluated> evaluate(List<ProbeRequest> requests) {
        List<BuildResult> built = new ArrayList<>(requests.size());
        List<VisualQuestion> questions = new ArrayList<>();
        for (ProbeRequest r : requests) {
            BuildResult b = builder.build(r);
            built.add(b);
            if (b instanceof BuildResult.Valid v) {
                questions.add(new VisualQuestion(v.built().image(), v.built().probe().question()));
            }
        }
        List<Judgement> judgements = judging.judge(questions);
        if (checkPresuppositions) {
            judgements = checked(questions, judgements);
        }
        List<Evaluated> out = new ArrayList<>(requests.size());
        int j = 0;
        for (int i = 0; i < requests.size(); i++) {
            ProbeRequest r = requests.get(i);
            String seedId = r.seed().id();
            if (built.get(i) instanceof BuildResult.Invalid inv) {
                out.add(Evaluated.invalid(seedId, r.text(), r.imageText(), inv.reason()));
                continue;
            }
            BuiltProbe p = ((BuildResult.Valid) built.get(i)).built();
            Judgement g = judgements.get(j++);
            out.add(new Evaluated(seedId, r.text(), r.imageText(),
                    g.failed() ? Evaluated.Status.ERROR : Evaluated.Status.VALID, g.error(), p.probe(), p.oracle(),
                    g.targetAnswer(), g.consensus(), g.reward()));
        }
        return out;
    }
}
