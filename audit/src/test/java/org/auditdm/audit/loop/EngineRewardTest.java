package org.auditdm.audit.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Answer;
import org.auditdm.api.Consensus;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Pairing;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.audit.policy.RewardFunction;
import org.auditdm.audit.policy.Sample;
import org.auditdm.audit.policy.SeedInput;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.run.CallPolicy;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.audit.testing.ConstantModel;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;

/** The GRPO reward of one evaluation, with and without the valid-text (format) bonus. */
class EngineRewardTest {
    private static final ProbeText TEXT = ProbeText.of(ProbeMode.QUESTION, "what color is the star?");
    private static final Probe PROBE = new Probe("seed-0", ProbeMode.QUESTION, TEXT.text(),
            Pairing.NEW_QUESTION_ORIGINAL_IMAGE, TEXT.text(), "img", "img");

    private static Evaluated valid(String target, String consensus, int reward) {
        return new Evaluated("seed-0", TEXT, null, Evaluated.Status.VALID, null, PROBE, null, target,
                new Consensus(List.of(consensus, consensus), consensus, true), reward);
    }

    @Test
    void theBonusGoesToTextThatMadeAProbeAndNeverToInvalidOrFailedCalls() {
        Evaluated disagreement = valid("red", "blue", 1);
        Evaluated agreement = valid("blue", "blue", 0);
        Evaluated invalid = new Evaluated("seed-0", TEXT, null, Evaluated.Status.INVALID, "question: parse error",
                null, null, null, null, 0);
        Evaluated failed = new Evaluated("seed-0", TEXT, null, Evaluated.Status.ERROR, "target timed out", PROBE,
                null, null, null, 0);

        assertThat(EngineReward.reward(disagreement, 0)).isEqualTo(1.0);
        assertThat(EngineReward.reward(agreement, 0)).isEqualTo(0.0);
        assertThat(EngineReward.reward(invalid, 0)).isEqualTo(0.0);

        assertThat(EngineReward.reward(disagreement, 0.2)).isEqualTo(1.2);
        assertThat(EngineReward.reward(agreement, 0.2)).isEqualTo(0.2);
        assertThat(EngineReward.reward(invalid, 0.2)).isEqualTo(0.0);
        assertThat(EngineReward.reward(failed, 0.2)).isEqualTo(0.0);
    }

    @Test
    void creditingBothPairingsAddsTheSeedQuestionsRewardToTheImageTextOnly() {
        Seed seed = new SeedPool(11).get(0);
        // A deliberately broken test double: "red" to the seed's own question, "blue" to any other; the
        // references always say "blue". So only the (original question, new image) probe disagrees.
        VisionLanguageModel target = new VisionLanguageModel() {
            @Override
            public String id() {
                return "wrong-on-the-seed-question";
            }

            @Override
            public Answer answer(VisualQuestion q) {
                return Answer.of(q.question().equals(seed.question()) ? "red" : "blue");
            }
        };
        try (ModelCaller caller = new ModelCaller(new CallPolicy(Duration.ofSeconds(5), 1, Duration.ZERO), d -> { })) {
            ProbeBuilder builder = new ProbeBuilder(new MemoryImageStore(), 64, 1);
            Evaluator evaluator = new Evaluator(builder, new Judging(target, new ReferenceEnsemble(
                    List.of(new ConstantModel("ref:a", "blue"), new ConstantModel("ref:b", "blue")),
                    new NormalizingJudge()), caller));
            SeedInput in = new SeedInput(seed.id(), builder.seedImage(seed), seed.question());
            assertThat(seed.question()).isNotEqualTo("how many circles are there?");
            Sample paired = new Sample(0, in, ProbeMode.CAPTION, "a large red circle in the center", true, -1.0,
                    "how many circles are there?", -1.0);
            Sample alone = new Sample(0, in, ProbeMode.QUESTION, "how many circles are there?", true, -1.0);
            Map<String, Seed> seeds = Map.of(seed.id(), seed);

            EngineReward pairOnly = new EngineReward(evaluator, seeds, 0.2, false);
            RewardFunction.Scores p = pairOnly.score(List.of(paired, alone));
            assertThat(p.text()).containsExactly(0.2, 0.2);
            assertThat(p.question()).containsExactly(0.2, 0.2);

            EngineReward both = new EngineReward(evaluator, seeds, 0.2, true);
            RewardFunction.Scores b = both.score(List.of(paired, alone));
            assertThat(b.text()).containsExactly(0.2 + 1.2, 0.2);
            assertThat(b.question()).containsExactly(0.2, 0.2);
            assertThat(both.last()).hasSize(2).allSatisfy(e -> assertThat(e.reward()).isZero());
            assertThat(both.rewards(List.of(paired, alone))).containsExactly(0.2, 0.2);
        }
    }
}
