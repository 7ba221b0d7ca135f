package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.auditdm.failures.Recheck;
import org.auditdm.world.bench.Accuracy;
import org.junit.jupiter.api.Test;

/** Failure types re-validated with each fine-tune: pooled over seeds, counted, described. */
class TypeFixesTest {
    private static Recheck.Row row(String id, int after, int afterOracle) {
        Accuracy before = Accuracy.of(30, 60);
        Accuracy beforeOracle = Accuracy.of(24, 60);
        Accuracy a = Accuracy.of(after, 60);
        Accuracy ao = Accuracy.of(afterOracle, 60);
        return new Recheck.Row(id, "type " + id, before, a, ao, 0.5, Recheck.shrank(before, a), beforeOracle,
                Recheck.shrank(beforeOracle, ao));
    }

    @Test
    void seedsArePooledPerTypeAndTheTestsRedoneOnThePooledCounts() {
        // one seed alone: 22/60 is not significantly below 30/60; two seeds at 22/60 each (44/120) are
        List<Recheck.Row> one = List.of(row("t1", 22, 20), row("t2", 5, 4));
        assertThat(one.get(0).shrank()).isFalse();
        List<Recheck.Row> pooled = TypeFixes.pooled(List.of(one, List.of(row("t1", 22, 20), row("t2", 7, 6))));
        assertThat(pooled.get(0).after()).isEqualTo(Accuracy.of(44, 120));
        assertThat(pooled.get(0).shrank()).isTrue();
        assertThat(pooled.get(1).afterByOracle()).isEqualTo(Accuracy.of(10, 120));
        assertThat(pooled.get(1).shrankByOracle()).isTrue();
        assertThat(TypeFixes.pooled(List.of(one))).isSameAs(one);
        assertThatThrownBy(() -> TypeFixes.pooled(List.of(one, List.of(row("t2", 1, 1), row("t1", 1, 1)))))
                .hasMessageContaining("other types");
    }

    @Test
    void theLineAndJsonCountTheTypesThatShrank() {
        List<Recheck.Row> rows = List.of(row("t1", 28, 23), row("t2", 5, 4));
        assertThat(TypeFixes.line("S+random", rows)).isEqualTo("S+random: 1 of 2 validated failure types shrank by "
                + "consensus, 1 by the oracle; failing by the oracle, mean over types, 40.0% -> 22.5%");
        Map<String, Object> m = TypeFixes.describe(rows);
        assertThat(m).containsEntry("types", 2).containsEntry("shrankByConsensus", 1L)
                .containsEntry("shrankByOracle", 1L);
    }
}
