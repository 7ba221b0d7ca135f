package org.auditdm.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.ProbeMode;
import org.junit.jupiter.api.Test;

class GrpoTest {
    /** Toy reward: 1 when the text mentions the word "clock". */
    private static final RewardFunction CLOCK = samples -> samples.stream()
            .mapToDouble(s -> TextVocabulary.split(s.text()).contains("clock") ? 1 : 0).toArray();

    private static GrpoConfig toy(double lr, int steps) {
        return new GrpoConfig(8, 2, lr, 0.0, 1.0, 0.2, 0.02, 1.0, steps, 2, 0.0, 1.0, new double[] {1, 1, 1}, 5);
    }

    @Test
    void meanRewardRisesOnAToyReward() {
        List<SeedInput> seeds = AuditorPolicyTest.seeds(0, 4);
        try (AuditorPolicy policy = AuditorPolicy.create(PolicySpec.tiny(), TextVocabularyTest.VOCAB, 11);
             AuditorPolicy base = policy.copy();
             Grpo grpo = new Grpo(policy, base, toy(1e-2, 30))) {
            List<GrpoStats> stats = new ArrayList<>();
            for (int step = 0; step < 30; step++) {
                stats.add(grpo.step(seeds.subList((step % 2) * 2, (step % 2) * 2 + 2), CLOCK));
            }
            double first = stats.subList(0, 5).stream().mapToDouble(GrpoStats::meanReward).average().orElseThrow();
            double last = stats.subList(25, 30).stream().mapToDouble(GrpoStats::meanReward).average().orElseThrow();
            assertThat(last).as("mean reward of the last 5 steps vs the first 5").isGreaterThan(first + 0.2);
            GrpoStats end = stats.get(29);
            assertThat(end.samples()).isEqualTo(16);
            assertThat(end.meanKl()).isPositive();
            assertThat(end.clipFraction()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void pairedGroupsTrainTheQuestionWrittenForTheNewImage() {
        // toy reward on a paired group: 1 when the question written for the made image mentions "clock"
        RewardFunction clockQuestion = samples -> samples.stream()
                .mapToDouble(s -> s.question() != null && TextVocabulary.split(s.question()).contains("clock") ? 1 : 0)
                .toArray();
        List<Sample> seen = new ArrayList<>();
        RewardFunction recording = samples -> {
            seen.addAll(samples);
            return clockQuestion.rewards(samples);
        };
        // a test double for the world's editor: texts of odd length make the seed's image again, others none
        ImageMaker oddMakes = (seed, mode, text) -> text.length() % 2 == 1 ? seed.image() : null;
        GrpoConfig config = new GrpoConfig(8, 2, 1e-2, 0.0, 1.0, 0.2, 0.02, 1.0, 30, 2, 0.0, 1.0,
                new double[] {0, 1, 0}, 5).withPairedWeight(1e9);
        List<SeedInput> seeds = AuditorPolicyTest.seeds(0, 4);
        try (AuditorPolicy policy = AuditorPolicy.create(PolicySpec.tiny(), TextVocabularyTest.VOCAB, 11);
             AuditorPolicy base = policy.copy();
             Grpo grpo = new Grpo(policy, base, config)) {
            List<GrpoStats> stats = new ArrayList<>();
            for (int step = 0; step < 30; step++) {
                stats.add(grpo.step(seeds.subList((step % 2) * 2, (step % 2) * 2 + 2), recording, oddMakes));
            }
            assertThat(seen).hasSize(30 * 16).allSatisfy(s -> {
                assertThat(s.mode()).isEqualTo(ProbeMode.EDIT);
                assertThat(s.question() != null).as("paired question of %s", s.text())
                        .isEqualTo(s.text().length() % 2 == 1);
            });
            assertThat(seen).filteredOn(s -> s.question() != null).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.questionLogProbability()).isNegative());
            double first = stats.subList(0, 5).stream().mapToDouble(GrpoStats::meanReward).average().orElseThrow();
            double last = stats.subList(25, 30).stream().mapToDouble(GrpoStats::meanReward).average().orElseThrow();
            assertThat(last).as("mean reward of the last 5 steps vs the first 5").isGreaterThan(first + 0.1);
        }
        assertThatThrownBy(() -> config.withPairedWeight(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new GrpoConfig(8, 2, 1e-2, 0.0, 1.0, 0.2, 0.02, 1.0, 30, 2, 0.0, 1.0,
                new double[] {1, 0, 0}, 5).withPairedWeight(1)).hasMessageContaining("positive edit or caption");
    }

    @Test
    void aPairedQuestionLearnsFromItsOwnRewardWhenTheImageTextIsCreditedApart() {
        // The question of a pair earns 1 when it mentions "clock"; the edit texts all earn the same (no signal).
        // The question rows must take the question rewards' advantages: with the edits' (all zero) nothing moves.
        RewardFunction split = new RewardFunction() {
            @Override
            public double[] rewards(List<Sample> samples) {
                return score(samples).question();
            }

            @Override
            public Scores score(List<Sample> samples) {
                double[] q = samples.stream().mapToDouble(s -> s.question() != null
                        && TextVocabulary.split(s.question()).contains("clock") ? 1 : 0).toArray();
                return new Scores(new double[samples.size()], q);
            }
        };
        ImageMaker always = (seed, mode, text) -> seed.image();
        GrpoConfig config = new GrpoConfig(8, 2, 1e-2, 0.0, 1.0, 0.2, 0.02, 1.0, 30, 2, 0.0, 1.0,
                new double[] {0, 1, 0}, 5).withPairedWeight(1e9);
        List<SeedInput> seeds = AuditorPolicyTest.seeds(0, 4);
        List<Double> rate = new ArrayList<>();
        RewardFunction recording = new RewardFunction() {
            @Override
            public double[] rewards(List<Sample> samples) {
                return split.rewards(samples);
            }

            @Override
            public Scores score(List<Sample> samples) {
                Scores s = split.score(samples);
                rate.add(java.util.Arrays.stream(s.question()).average().orElseThrow());
                return s;
            }
        };
        try (AuditorPolicy policy = AuditorPolicy.create(PolicySpec.tiny(), TextVocabularyTest.VOCAB, 11);
             AuditorPolicy base = policy.copy();
             Grpo grpo = new Grpo(policy, base, config)) {
            for (int step = 0; step < 30; step++) {
                GrpoStats stats = grpo.step(seeds.subList((step % 2) * 2, (step % 2) * 2 + 2), recording, always);
                assertThat(stats.meanReward()).as("mean of the text rewards").isZero();
            }
        }
        double first = rate.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = rate.subList(25, 30).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(last).as("questions mentioning 'clock', last 5 steps vs first 5").isGreaterThan(first + 0.1);
    }

    @Test
    void supervisedThenGrpoIsDeterministic() {
        List<List<float[]>> runs = new ArrayList<>();
        List<List<GrpoStats>> stats = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            BaseAuditorTraining.Result r = BaseAuditorTraining.train(AuditorPolicyTest.tinyConfig(3), null);
            try (AuditorPolicy policy = r.policy(); AuditorPolicy base = policy.copy();
                 Grpo grpo = new Grpo(policy, base, toy(1e-3, 3))) {
                List<GrpoStats> s = new ArrayList<>();
                for (int step = 0; step < 3; step++) {
                    s.add(grpo.step(AuditorPolicyTest.seeds(step * 2, 2), CLOCK));
                }
                stats.add(s);
                runs.add(policy.parameters().values());
            }
        }
        assertThat(stats.get(1)).isEqualTo(stats.get(0));
        for (int i = 0; i < runs.get(0).size(); i++) {
            assertThat(runs.get(1).get(i)).containsExactly(runs.get(0).get(i));
        }
    }

    @Test
    void rejectsBadRewardsAndConfigs() {
        try (AuditorPolicy policy = AuditorPolicy.create(PolicySpec.tiny(), TextVocabularyTest.VOCAB, 1);
             AuditorPolicy base = policy.copy();
             Grpo grpo = new Grpo(policy, base, toy(1e-3, 3))) {
            List<SeedInput> seeds = AuditorPolicyTest.seeds(0, 1);
            assertThatThrownBy(() -> grpo.step(seeds, s -> new double[1])).hasMessageContaining("1 rewards for 8");
            assertThatThrownBy(() -> grpo.step(seeds, s -> new double[8]
                    .clone().length == 8 ? nan(8) : null)).hasMessageContaining("non-finite");
        }
        assertThatThrownBy(() -> new GrpoConfig(1, 2, 1e-3, 0, 1, 0.2, 0.02, 1, 3, 1, 0, 1, new double[] {1, 1, 1}, 1))
                .hasMessageContaining("groups of at least 2");
    }

    private static double[] nan(int n) {
        double[] d = new double[n];
        d[0] = Double.NaN;
        return d;
    }
}
