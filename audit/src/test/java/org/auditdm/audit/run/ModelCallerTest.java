package org.auditdm.audit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.testing.AlwaysRedTarget;
import org.auditdm.audit.testing.ConstantModel;
import org.auditdm.audit.testing.FlakyModel;
import org.auditdm.audit.testing.SlowModel;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;

/** Failing model calls are retried, then recorded as errors and skipped: never disagreements. */
class ModelCallerTest {
    private final List<Duration> waits = new ArrayList<>();

    private ModelCaller caller(long timeoutMillis, int retries) {
        return new ModelCaller(new CallPolicy(Duration.ofMillis(timeoutMillis), retries, Duration.ofMillis(100)),
                waits::add);
    }

    private static VisualQuestion question(int i) {
        Seed s = new SeedPool(5).get(i);
        return new VisualQuestion(new Renderer().render(s.scene()), s.question());
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() {
        FlakyModel flaky = new FlakyModel("blue", 2, new IllegalStateException("503"));
        try (ModelCaller c = caller(2000, 2)) {
            List<CallResult> r = c.answerAll(flaky, List.of(question(0)));
            assertThat(r.get(0).answer()).isEqualTo("blue");
            assertThat(r.get(0).attempts()).isEqualTo(3);
        }
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void failuresBeyondTheRetriesBecomeErrors() {
        FlakyModel broken = new FlakyModel("blue", 100, new IllegalStateException("503"));
        try (ModelCaller c = caller(2000, 2)) {
            CallResult r = c.answerAll(broken, List.of(question(0))).get(0);
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("503");
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(broken.attempts(question(0))).isEqualTo(3);
        }
    }

    @Test
    void aRejectedInputIsNotRetried() {
        FlakyModel rejecting = new FlakyModel("blue", 100, new IllegalArgumentException("image too large"));
        try (ModelCaller c = caller(2000, 3)) {
            CallResult r = c.answerOne(rejecting, question(0));
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.error()).contains("image too large");
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void aSlowModelTimesOut() {
        try (ModelCaller c = caller(50, 1)) {
            long start = System.nanoTime();
            CallResult r = c.answerAll(new SlowModel(5_000), List.of(question(0))).get(0);
            assertThat(r.error()).contains("timed out");
            assertThat(r.attempts()).isEqualTo(2);
            assertThat((System.nanoTime() - start) / 1e6).isLessThan(2_000);
        }
    }

    @Test
    void failingTargetsAndMembersMakeErroredProbesNeverFindings() {
        List<ProbeRequest> requests = new ArrayList<>();
        for (Seed s : new SeedPool(5).range(0, 4)) {
            requests.add(ProbeRequest.of(s, ProbeText.of(ProbeMode.QUESTION, s.question())));
        }
        List<List<? extends VisionLanguageModel>> setups = List.of(
                List.of(new SlowModel(5_000), new ConstantModel("ref", "blue")),
                List.of(new FlakyModel("red", 100, new IllegalStateException("down")), new ConstantModel("ref", "blue")),
                List.of(new AlwaysRedTarget(), new SlowModel(5_000)));
        for (List<? extends VisionLanguageModel> setup : setups) {
            try (ModelCaller c = caller(40, 1)) {
                Evaluator ev = new Evaluator(new ProbeBuilder(new MemoryImageStore(), 64, 1),
                        new Judging(setup.get(0), new ReferenceEnsemble(setup.subList(1, 2), new NormalizingJudge()), c));
                List<Evaluated> out = ev.evaluate(requests);
                assertThat(out).allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo(Evaluated.Status.ERROR);
                    assertThat(e.reward()).isZero();
                    assertThat(e.isFinding()).isFalse();
                    assertThat(e.reason()).contains("attempt");
                });
                AuditMeasures m = AuditMeasures.of(out, new NormalizingJudge());
                assertThat(m.searchSuccess().total()).isZero(); // errors are not pairs the auditor is judged on
            }
        }
    }

    @Test
    void oneFailingQuestionCostsOnlyItsProbe() {
        VisionLanguageModel picky = new ConstantModel("picky", "yes") {
            @Override
            public org.auditdm.api.Answer answer(VisualQuestion q) {
                if (q.question().equals(question(1).question())) {
                    throw new IllegalStateException("cannot");
                }
                return super.answer(q);
            }
        };
        try (ModelCaller c = caller(2000, 1)) {
            List<CallResult> r = c.answerAll(picky, List.of(question(0), question(1), question(2)));
            assertThat(r).extracting(CallResult::ok).containsExactly(true, false, true);
        }
    }
}
