package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.bench.SuiteScores;
import org.junit.jupiter.api.Test;

/** Several fine-tuning seeds: pooled rows, spread, and differences paired by seed. */
class SeedSpreadTest {
    private static SuiteScores scores(int color, int shape) {
        Map<String, Accuracy> m = new LinkedHashMap<>();
        m.put("color", Accuracy.of(color, 100));
        m.put("shape", Accuracy.of(shape, 100));
        return new SuiteScores("x", m, (color + shape) / 200.0, 1);
    }

    @Test
    void poolingSumsEachSuitesCountsSoTheRateIsTheMeanOverSeeds() {
        SuiteScores p = SeedSpread.pooled("S+auditdm", List.of(scores(50, 20), scores(60, 30), scores(70, 10)));
        assertThat(p.model()).isEqualTo("S+auditdm");
        assertThat(p.bySuite().get("color")).isEqualTo(Accuracy.of(180, 300));
        assertThat(p.bySuite().get("shape")).isEqualTo(Accuracy.of(60, 300));
        assertThat(p.average()).isCloseTo(0.4, within(1e-12));
        assertThat(p.missing()).isEqualTo(3);
        SuiteScores one = scores(50, 20);
        assertThat(SeedSpread.pooled("S", List.of(one))).isSameAs(one);
        assertThatThrownBy(() -> SeedSpread.pooled("S", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spreadIsTheSampleStandardDeviationAndDifferencesArePairedBySeed() {
        assertThat(SeedSpread.mean(List.of(0.49, 0.50, 0.51))).isCloseTo(0.50, within(1e-12));
        assertThat(SeedSpread.sd(List.of(0.49, 0.50, 0.51))).isCloseTo(0.01, within(1e-12));
        assertThat(SeedSpread.sd(List.of(0.5))).isNaN();
        assertThat(SeedSpread.paired(List.of(0.5, 0.4), List.of(0.3, 0.6)))
                .satisfiesExactly(d -> assertThat(d).isCloseTo(0.2, within(1e-12)),
                        d -> assertThat(d).isCloseTo(-0.2, within(1e-12)));
        assertThatThrownBy(() -> SeedSpread.paired(List.of(0.5), List.of(0.3, 0.6)))
                .hasMessageContaining("paired by seed");
    }

    @Test
    void linesAndJsonNameEachRowsSeedsAndItsPairedDifferenceToAuditdm() {
        Map<String, List<Double>> avg = new LinkedHashMap<>();
        avg.put("S+auditdm", List.of(0.496, 0.493, 0.500));
        avg.put("S+random", List.of(0.494, 0.497, 0.490));
        List<Long> seeds = List.of(1L, 2L, 3L);
        List<String> lines = SeedSpread.lines(seeds, avg, "S+auditdm");
        assertThat(lines).containsExactly(
                "fine-tune seeds 1, 2, 3 (rows above pool them; suite averages per seed):",
                "  S+auditdm: 49.6, 49.3, 50.0 (mean 49.6, sd 0.4)",
                "  S+random: 49.4, 49.7, 49.0 (mean 49.4, sd 0.4)",
                "  S+auditdm - S+random, same seed: +0.2, -0.4, +1.0 (mean +0.3; ahead on 2 of 3 seeds)");
        Map<String, Object> json = SeedSpread.describe(seeds, avg, "S+auditdm");
        assertThat(json).containsEntry("fineTuneSeeds", seeds);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> rows = (Map<String, Map<String, Object>>) json.get("rows");
        assertThat(rows.get("S+auditdm")).doesNotContainKey("pairedDifference");
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) rows.get("S+random").get("pairedDifference");
        assertThat(d).containsEntry("of", "S+auditdm").containsEntry("positive", 2L);
        assertThat((double) d.get("mean")).isCloseTo(0.0026667, within(1e-6));
        assertThat(SeedSpread.lines(List.of(1L), Map.of("S+auditdm", List.of(0.5)), "S+auditdm")).isEmpty();
        assertThat(SeedSpread.describe(List.of(1L), Map.of("S+auditdm", List.of(0.5)), "S+auditdm").get("rows"))
                .asString().contains("sd=n/a");
    }

    @Test
    void aStudyNeedsAtLeastOneSeed() {
        assertThatThrownBy(() -> new RectificationStudy.Rows(true, false, 0)).hasMessageContaining("at least 1");
        assertThat(new RectificationStudy.Rows(true, false).seeds()).isEqualTo(1);
    }
}
