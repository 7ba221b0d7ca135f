package org.auditdm.audit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.testing.ScriptedModel;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PresuppositionsTest {
    private final ModelCaller caller = new ModelCaller(new CallPolicy(Duration.ofSeconds(5), 0, Duration.ZERO), d -> { });

    @AfterEach
    void close() {
        caller.close();
    }

    @Test
    void definiteSubjectsMustBeUnique() {
        List<String> checks = Presuppositions.countChecks("what shape is the medium object?");
        assertThat(checks).hasSize(1);
        assertThat(QuestionParser.parse(checks.get(0)).program().subject().size()).isNotNull();
        assertThat(Presuppositions.countChecks("is the red circle to the left of the square?")).hasSize(2);
        assertThat(Presuppositions.countChecks("how many circles are there?")).isEmpty();
        assertThat(Presuppositions.countChecks("what time does the clock show?")).isEmpty();
        assertThat(Presuppositions.countChecks("is this photo sharp?")).isEmpty();
    }

    private List<Evaluated> evaluate(String countAnswer, boolean check) {
        // Test doubles: the target says "square", the references "circle" to shape questions and countAnswer to counts.
        VisionLanguageModel target = new ScriptedModel("t", q -> "square");
        List<VisionLanguageModel> refs = List.of(
                new ScriptedModel("a", q -> q.question().toLowerCase().startsWith("how many") ? countAnswer : "circle"),
                new ScriptedModel("b", q -> q.question().toLowerCase().startsWith("how many") ? countAnswer : "circle"));
        Evaluator evaluator = new Evaluator(new ProbeBuilder(new MemoryImageStore(), 64, 1),
                new Judging(target, new ReferenceEnsemble(refs, new NormalizingJudge()), caller), check);
        Seed s = new SeedPool(11).get(0);
        return evaluator.evaluate(List.of(ProbeRequest.of(s, ProbeText.of(ProbeMode.QUESTION, "what shape is the medium object?"))));
    }

    @Test
    void aDisagreementCountsOnlyWhenTheEnsembleConfirmsThePresupposition() {
        assertThat(evaluate("1", true).get(0).reward()).isEqualTo(1);
        assertThat(evaluate("3", true).get(0).reward()).isZero();
        assertThat(evaluate("3", true).get(0).status()).isEqualTo(Evaluated.Status.VALID);
        assertThat(evaluate("3", false).get(0).reward()).isEqualTo(1);
    }
}
