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
import org.auditdm.world.question.Family;
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
        List<Presuppositions.Check> checks = Presuppositions.checks("what shape is the medium object?");
        assertThat(checks).extracting(Presuppositions.Check::expected).containsExactly("yes", "1");
        assertThat(QuestionParser.parse(checks.get(0).question()).program().family()).isEqualTo(Family.EXISTENCE);
        assertThat(QuestionParser.parse(checks.get(1).question()).program().family()).isEqualTo(Family.COUNT_ATTRIBUTE);
        for (Presuppositions.Check c : checks) {
            assertThat(QuestionParser.parse(c.question()).program().subject().size()).isNotNull();
        }
        assertThat(Presuppositions.checks("is the red circle to the left of the square?")).hasSize(4);
        assertThat(Presuppositions.checks("how many circles are there?")).isEmpty();
        assertThat(Presuppositions.checks("what time does the clock show?")).isEmpty();
        assertThat(Presuppositions.checks("is this photo sharp?")).isEmpty();
    }

    private List<Evaluated> evaluate(String countAnswer, boolean check) {
        return evaluate(countAnswer, "yes", check);
    }

    private List<Evaluated> evaluate(String countAnswer, String existsAnswer, boolean check) {
        // Test doubles: the target says "square", the references "circle" to shape questions, countAnswer to
        // counts and existsAnswer to "is there ...?".
        VisionLanguageModel target = new ScriptedModel("t", q -> "square");
        List<VisionLanguageModel> refs = List.of(
                new ScriptedModel("a", q -> reference(q.question(), countAnswer, existsAnswer)),
                new ScriptedModel("b", q -> reference(q.question(), countAnswer, existsAnswer)));
        Evaluator evaluator = new Evaluator(new ProbeBuilder(new MemoryImageStore(), 64, 1),
                new Judging(target, new ReferenceEnsemble(refs, new NormalizingJudge()), caller), check);
        Seed s = new SeedPool(11).get(0);
        return evaluator.evaluate(List.of(ProbeRequest.of(s, ProbeText.of(ProbeMode.QUESTION, "what shape is the medium object?"))));
    }

    private static String reference(String question, String countAnswer, String existsAnswer) {
        String q = question.toLowerCase();
        return q.startsWith("how many") ? countAnswer : q.startsWith("is there") ? existsAnswer : "circle";
    }

    @Test
    void aDisagreementCountsOnlyWhenTheEnsembleConfirmsThePresupposition() {
        assertThat(evaluate("1", true).get(0).reward()).isEqualTo(1);
        assertThat(evaluate("3", true).get(0).reward()).isZero();
        assertThat(evaluate("3", true).get(0).status()).isEqualTo(Evaluated.Status.VALID);
        assertThat(evaluate("3", false).get(0).reward()).isEqualTo(1);
    }

    @Test
    void anObjectTheEnsembleSaysIsAbsentEarnsNoRewardEvenIfItCountsOne() {
        assertThat(evaluate("1", "no", true).get(0).reward()).isZero();
        assertThat(evaluate("1", "no", false).get(0).reward()).isEqualTo(1);
    }
}
