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
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.testing.AlwaysRedTarget;
import org.auditdm.audit.testing.ConstantModel;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reward sees only the models' answers: the oracle never enters it. */
class JudgingTest {
    private final ModelCaller caller = new ModelCaller(new CallPolicy(Duration.ofSeconds(5), 1, Duration.ZERO), d -> { });

    @AfterEach
    void close() {
        caller.close();
    }

    private Evaluator evaluator(VisionLanguageModel target, List<? extends VisionLanguageModel> refs) {
        return new Evaluator(new ProbeBuilder(new MemoryImageStore(), 64, 1),
                new Judging(target, new ReferenceEnsemble(refs, new NormalizingJudge()), caller));
    }

    /** Each seed's own question on its own image: the oracle knows every answer. */
    private static List<ProbeRequest> seedQuestions(int n) {
        List<ProbeRequest> out = new ArrayList<>();
        for (Seed s : new SeedPool(11).range(0, n)) {
            out.add(ProbeRequest.of(s, ProbeText.of(ProbeMode.QUESTION, s.question())));
        }
        return out;
    }

    @Test
    void identicalWrongReferencesStillRewardATargetThatDiffers() {
        // Both references say "blue" to everything: often wrong by the oracle, yet they agree, so
        // a red-saying target earns 1 on every probe, even where "red" is the oracle's answer.
        List<Evaluated> out = evaluator(new AlwaysRedTarget(),
                List.of(new ConstantModel("ref:a", "blue"), new ConstantModel("ref:b", "blue")))
                .evaluate(seedQuestions(40));
        assertThat(out).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(Evaluated.Status.VALID);
            assertThat(e.consensus().agreed()).isTrue();
            assertThat(e.reward()).isEqualTo(1);
        });
        assertThat(out).anySatisfy(e -> assertThat(e.oracle().status()).isEqualTo(OracleAnswer.Status.ANSWER));
    }

    @Test
    void aTargetThatAgreesWithTheReferencesEarnsNothingEvenWhenAllAreWrong() {
        List<Evaluated> out = evaluator(new ConstantModel("t", "Red."),
                List.of(new ConstantModel("ref:a", "red"), new ConstantModel("ref:b", "RED")))
                .evaluate(seedQuestions(40));
        assertThat(out).allSatisfy(e -> assertThat(e.reward()).isZero());
        // the oracle disagrees with "red" on most of them: it would have mattered had it been consulted
        assertThat(out.stream().filter(e -> e.oracle().isAnswer() && !e.oracle().answer().equals("red")).count())
                .isGreaterThan(20);
    }

    /** A test double answering "blue" with a fixed probability. */
    private static VisionLanguageModel sure(String id, double probability) {
        return new VisionLanguageModel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public org.auditdm.api.Answer answer(org.auditdm.api.VisualQuestion q) {
                return new org.auditdm.api.Answer("blue", probability);
            }
        };
    }

    private List<Evaluated> withMinConfidence(double min, VisionLanguageModel... refs) {
        return new Evaluator(new ProbeBuilder(new MemoryImageStore(), 64, 1),
                new Judging(new AlwaysRedTarget(), new ReferenceEnsemble(List.of(refs), new NormalizingJudge()), caller)
                        .withMinConfidence(min)).evaluate(seedQuestions(10));
    }

    @Test
    void aMinimumConfidenceRewardsOnlyAgreementsEveryMemberIsSureOf() {
        assertThat(withMinConfidence(0.7, sure("a", 0.9), sure("b", 0.75))).allSatisfy(e -> assertThat(e.reward()).isEqualTo(1));
        // one hesitant member is enough to withhold the reward; the consensus is still recorded
        assertThat(withMinConfidence(0.7, sure("a", 0.9), sure("b", 0.6))).allSatisfy(e -> {
            assertThat(e.reward()).isZero();
            assertThat(e.consensus().agreed()).isTrue();
        });
        // off by default, and members that report no probability are not held to it
        assertThat(withMinConfidence(0, sure("a", 0.1), sure("b", 0.1))).allSatisfy(e -> assertThat(e.reward()).isEqualTo(1));
        assertThat(withMinConfidence(0.7, sure("a", Double.NaN), sure("b", 0.8))).allSatisfy(e -> assertThat(e.reward()).isEqualTo(1));
    }

    @Test
    void disagreeingReferencesRewardNothing() {
        List<Evaluated> out = evaluator(new AlwaysRedTarget(),
                List.of(new ConstantModel("ref:a", "blue"), new ConstantModel("ref:b", "green")))
                .evaluate(seedQuestions(10));
        assertThat(out).allSatisfy(e -> {
            assertThat(e.consensus().agreed()).isFalse();
            assertThat(e.reward()).isZero();
        });
    }

    @Test
    void differenceIsJudgedInMeaning() {
        List<Evaluated> out = evaluator(new ConstantModel("t", "two"), List.of(new ConstantModel("ref", "2")))
                .evaluate(seedQuestions(3));
        assertThat(out).allSatisfy(e -> assertThat(e.reward()).isZero());
    }

    @Test
    void invalidTextsEarnZeroAndAreCountedNeverJudged() {
        Seed seed = new SeedPool(11).get(0);
        ConstantModel target = new AlwaysRedTarget();
        List<Evaluated> out = evaluator(target, List.of(new ConstantModel("ref", "blue"))).evaluate(List.of(
                ProbeRequest.of(seed, ProbeText.of(ProbeMode.QUESTION, "colour of the purple elephant's dream?")),
                ProbeRequest.of(seed, ProbeText.of(ProbeMode.EDIT, "make the dodecahedron fly")),
                ProbeRequest.of(seed, ProbeText.of(ProbeMode.QUESTION, seed.question()))));
        assertThat(out).extracting(Evaluated::status).containsExactly(
                Evaluated.Status.INVALID, Evaluated.Status.INVALID, Evaluated.Status.VALID);
        assertThat(out.get(0).reward()).isZero();
        assertThat(out.get(0).reason()).startsWith("question: ");
        assertThat(out.get(1).reason()).startsWith("edit: ");
        assertThat(out.get(2).reward()).isEqualTo(1);
        assertThat(target.calls.get()).isEqualTo(1); // only the valid probe reached the model
        AuditMeasures m = AuditMeasures.of(out, new NormalizingJudge());
        assertThat(m.validText().correct()).isEqualTo(1);
        assertThat(m.validText().total()).isEqualTo(3);
    }
}
