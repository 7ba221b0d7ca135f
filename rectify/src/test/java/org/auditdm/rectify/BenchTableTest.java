package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.bench.SuiteScores;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    private static SuiteScores scores(String name, int a, int b) {
        Map<String, Accuracy> m = new LinkedHashMap<>();
        m.put("color", Accuracy.of(a, 100));
        m.put("shape", Accuracy.of(b, 100));
        return new SuiteScores(name, m, (a + b) / 200.0, 0);
    }

    @Test
    void averageIsTheMeanOfSuitesWithAnIntervalFromTheirVariances() {
        Map<String, SuiteScores> s = new LinkedHashMap<>();
        s.put("S", scores("s", 50, 20));
        s.put("S+auditdm", scores("r", 80, 20));
        BenchTable t = BenchTable.of(s);
        BenchTable.Cell avg = t.rows().get("S").get(BenchTable.AVERAGE);
        assertThat(avg.rate()).isCloseTo(0.35, within(1e-12));
        double half = 1.96 * Math.sqrt(0.5 * 0.5 / 100 + 0.2 * 0.8 / 100) / 2;
        assertThat(avg.low()).isCloseTo(0.35 - half, within(1e-12));
        assertThat(avg.high()).isCloseTo(0.35 + half, within(1e-12));
        assertThat(t.suites()).containsExactly("color", "shape");
        BenchTable.Improvement i = t.improvement("S+auditdm", "S");
        assertThat(i.improved()).isEqualTo(1);
        assertThat(i.significantlyImproved()).isEqualTo(1);
        assertThat(i.worse()).isZero();
        assertThat(i.averageGain()).isCloseTo(0.15, within(1e-12));
        assertThat(t.markdown()).hasSize(5).last().asString().startsWith("| **average** | **35.0**");
    }
}
