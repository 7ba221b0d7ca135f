package org.auditdm.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditorPolicyTest {
    static final TextVocabulary VOCAB = TextVocabularyTest.VOCAB;

    static List<SeedInput> seeds(int from, int n) {
        SeedPool pool = new SeedPool(7);
        Renderer r = new Renderer();
        List<SeedInput> out = new ArrayList<>();
        for (Seed s : pool.range(from, from + n)) {
            out.add(new SeedInput(s.id(), r.render(s.scene()), s.question()));
        }
        return out;
    }

    static BaseAuditorTraining.Config tinyConfig(int steps) {
        return new BaseAuditorTraining.Config(PolicySpec.tiny(), 200, 3, 7, 500, 8, steps, 1e-2, 0.0, 0.0, 1.0, null);
    }

    @Test
    void generationIsDeterministicBatchedAndScoredConsistently() {
        try (AuditorPolicy p = AuditorPolicy.create(PolicySpec.tiny(), VOCAB, 1)) {
            List<SeedInput> s = seeds(0, 3);
            List<PolicyInput> in = s.stream().map(x -> new PolicyInput(x.image(), x.question(), ProbeMode.EDIT)).toList();
            List<AuditorPolicy.Generation> a = p.generate(in, 4, 1.0, new SplittableRandom(9));
            List<AuditorPolicy.Generation> b = p.generate(in, 4, 1.0, new SplittableRandom(9));
            assertThat(a).hasSize(12);
            assertThat(a.stream().map(AuditorPolicy.Generation::text).toList())
                    .isEqualTo(b.stream().map(AuditorPolicy.Generation::text).toList());
            assertThat(a.get(0).input()).isZero();
            assertThat(a.get(11).input()).isEqualTo(2);
            List<PolicyInput> expanded = a.stream().map(g -> in.get(g.input())).toList();
            double[] lp = p.logProbabilities(expanded, a.stream().map(AuditorPolicy.Generation::tokens).toList(), 1.0);
            for (int i = 0; i < a.size(); i++) {
                AuditorPolicy.Generation g = a.get(i);
                assertThat(g.tokens().length).isBetween(1, PolicySpec.tiny().maxTextTokens());
                assertThat(g.finished()).isEqualTo(g.tokens()[g.tokens().length - 1] == TextVocabulary.EOS_ID);
                for (int t : g.tokens()) {
                    assertThat(VOCAB.isUnwritable(t)).isFalse();
                }
                // the sampled log-probability and the teacher-forced one are the same distribution
                assertThat(lp[i]).isCloseTo(g.logProbability(), within(1e-3 * Math.max(1, Math.abs(lp[i]))));
            }
        }
    }

    @Test
    void checkpointRoundTripIsExactAndCorruptionIsDetected(@TempDir Path dir) throws Exception {
        try (AuditorPolicy p = AuditorPolicy.create(PolicySpec.tiny(), VOCAB, 2)) {
            PolicyCheckpoint.Metadata m = PolicyCheckpoint.save(p, dir, "auditor:test", Map.of("steps", 0), null);
            assertThat(m.parameterCount()).isEqualTo(p.parameterCount());
            try (PolicyCheckpoint.Loaded l = PolicyCheckpoint.load(dir)) {
                assertThat(l.metadata()).isEqualTo(m);
                List<float[]> a = p.parameters().values();
                List<float[]> b = l.policy().parameters().values();
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).containsExactly(a.get(i));
                }
                PolicyAuditor x = new PolicyAuditor("a", p, 1.0);
                PolicyAuditor y = new PolicyAuditor("b", l.policy(), 1.0);
                Picture img = seeds(0, 1).get(0).image();
                List<ProbeText> px = x.propose(img, "how many circles are there?", ProbeMode.QUESTION, 5, 42);
                assertThat(px).hasSize(5).allMatch(t -> t.mode() == ProbeMode.QUESTION
                        && Double.isFinite(t.logProbability()));
                assertThat(y.propose(img, "how many circles are there?", ProbeMode.QUESTION, 5, 42)).isEqualTo(px);
            }
            byte[] bytes = Files.readAllBytes(dir.resolve(PolicyCheckpoint.PARAMS));
            bytes[bytes.length - 1] ^= 0x55;
            Files.write(dir.resolve(PolicyCheckpoint.PARAMS), bytes);
            assertThatThrownBy(() -> PolicyCheckpoint.load(dir)).hasMessageContaining("corrupt");
        }
    }

    @Test
    void badInputsFailClearly() {
        try (AuditorPolicy p = AuditorPolicy.create(PolicySpec.tiny(), VOCAB, 1)) {
            Picture small = Picture.of(16, 16, new int[256]);
            assertThatThrownBy(() -> p.generate(List.of(new PolicyInput(small, "q", ProbeMode.EDIT)), 1, 1.0,
                    new SplittableRandom(1))).hasMessageContaining("64x64");
            assertThatThrownBy(() -> new PolicyAuditor("x", p, 0)).hasMessageContaining("temperature");
        }
    }

    @Test
    void supervisedTrainingLowersTheLossAndIsDeterministic() {
        BaseAuditorTraining.Result a = BaseAuditorTraining.train(tinyConfig(10), null);
        BaseAuditorTraining.Result b = BaseAuditorTraining.train(tinyConfig(10), null);
        try (AuditorPolicy pa = a.policy(); AuditorPolicy pb = b.policy();
             AuditorPolicy fresh = AuditorPolicy.create(PolicySpec.tiny(), pa.vocabulary(), 3)) {
            assertThat(a.stepsDone()).isEqualTo(10);
            List<float[]> va = pa.parameters().values();
            List<float[]> vb = pb.parameters().values();
            for (int i = 0; i < va.size(); i++) {
                assertThat(vb.get(i)).containsExactly(va.get(i));
            }
            // loss on a fixed batch: trained < fresh
            BaseAuditorTraining.Batch batch = new BaseAuditorTraining.Batches(pa, tinyConfig(10)).batch(1000);
            double trained = -sum(pa.logProbabilities(batch.inputs(), batch.targets(), 1.0)) / batch.tokenCount();
            double untrained = -sum(fresh.logProbabilities(batch.inputs(), batch.targets(), 1.0)) / batch.tokenCount();
            assertThat(trained).isLessThan(untrained - 0.5);
        }
        BaseAuditorTraining.Config timed = new BaseAuditorTraining.Config(PolicySpec.tiny(), 200, 3, 7, 500, 8, 1000,
                3e-3, 0.1, 0.0, 1.0, Duration.ZERO);
        BaseAuditorTraining.Result c = BaseAuditorTraining.train(timed, null);
        c.policy().close();
        assertThat(c.stoppedByTime()).isTrue();
        assertThat(c.stepsDone()).isZero();
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
