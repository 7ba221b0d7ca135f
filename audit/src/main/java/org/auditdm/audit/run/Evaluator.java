package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    public Evaluator(ProbeBuilder builder, Judging judging) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.judging = Objects.requireNonNull(judging, "judging");
    }

    public ProbeBuilder builder() {
        return builder;
    }

    public Judging judging() {
        return judging;
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
