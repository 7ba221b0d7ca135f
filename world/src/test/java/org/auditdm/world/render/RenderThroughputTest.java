package org.auditdm.world.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RenderThroughputTest {
    @Test
    void measuresBothSingleAndParallelRates() {
        RenderThroughput.Result r = RenderThroughput.measure(32, 60, 2, 3);
        assertThat(r.side()).isEqualTo(32);
        assertThat(r.threads()).isEqualTo(2);
        assertThat(r.singleThreadPerSecond()).isPositive();
        assertThat(r.parallelPerSecond()).isPositive();
        assertThat(r.toString()).contains("32px").contains("2 threads");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> RenderThroughput.measure(8, 10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RenderThroughput.measure(64, 0, 1, 0)).hasMessageContaining("scenes");
        assertThatThrownBy(() -> RenderThroughput.measure(64, 10, 0, 0)).hasMessageContaining("threads");
    }
}
