package org.auditdm.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Hand-computed values of GRPO's pieces. */
class GrpoMathTest {
    @Test
    void advantagesUsePopulationStdWithinEachGroup() {
        // group [1,0,0,1]: mean 0.5, population std 0.5 -> +-1; group [2,2,2,2]: all equal -> 0
        double[] a = Grpo.advantages(new double[] {1, 0, 0, 1, 2, 2, 2, 2}, 4);
        assertThat(a[0]).isCloseTo(1, within(1e-5));
        assertThat(a[1]).isCloseTo(-1, within(1e-5));
        assertThat(a[2]).isCloseTo(-1, within(1e-5));
        assertThat(a[3]).isCloseTo(1, within(1e-5));
        assertThat(new double[] {a[4], a[5], a[6], a[7]}).containsOnly(0.0);
        // [1,0,0,0]: mean 0.25, std sqrt(3)/4 -> 0.75/0.4330 = 1.7321, -0.25/0.4330 = -0.5774
        double[] b = Grpo.advantages(new double[] {1, 0, 0, 0}, 4);
        assertThat(b[0]).isCloseTo(Math.sqrt(3), within(1e-4));
        assertThat(b[1]).isCloseTo(-1 / Math.sqrt(3), within(1e-4));
    }

    @Test
    void k3IsZeroAtEqualityAndMatchesHandValues() {
        assertThat(Grpo.k3(-1.0, -1.0)).isEqualTo(0.0);
        // ref - new = 0.5: e^0.5 - 0.5 - 1 = 0.148721
        assertThat(Grpo.k3(-1.0, -1.5)).isCloseTo(0.148721, within(1e-6));
        // ref - new = -1: e^-1 + 1 - 1 = 0.367879
        assertThat(Grpo.k3(-2.0, -1.0)).isCloseTo(0.367879, within(1e-6));
    }

    @Test
    void clippedObjectiveMatchesAHandComputedCase() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Two texts; text 0 has 2 tokens, text 1 has 1 token (second slot is padding).
            // text 0, A = +1: token ratios e^0.5 = 1.6487 (clipped to 1.2) and e^0 = 1 -> surrogates 1.2, 1
            // text 1, A = -1: ratio e^-0.5 = 0.6065 -> min(-0.6065, -0.8) = -0.8
            NDArray newLp = m.create(new float[] {-1.0f, -2.0f, -1.5f, -9f}, new Shape(2, 2));
            NDArray oldLp = m.create(new float[] {-1.5f, -2.0f, -1.0f, -9f}, new Shape(2, 2));
            NDArray refLp = m.create(new float[] {-1.0f, -2.5f, -1.5f, 0f}, new Shape(2, 2));
            NDArray mask = m.create(new float[] {1, 1, 1, 0}, new Shape(2, 2));
            NDArray adv = m.create(new float[] {1, -1}, new Shape(2));
            double beta = 0.1;
            NDArray[] out = Grpo.loss(newLp, oldLp, refLp, mask, adv, 0.2, beta);
            // k3 per token: text 0: ref-new = 0 -> 0; ref-new = -0.5 -> e^-0.5 + 0.5 - 1 = 0.106531; text 1: 0
            double k3 = Math.exp(-0.5) + 0.5 - 1;
            double text0 = -((1.2 - 0) + (1.0 - beta * k3)) / 2;
            double text1 = -(-0.8 - 0);
            assertThat(out[0].getFloat()).isCloseTo((float) ((text0 + text1) / 2), within(1e-5f));
            assertThat(out[1].getFloat()).isCloseTo((float) (k3 / 3), within(1e-6f));
            // clipped tokens: ratio 1.6487 and 0.6065 of 3 real tokens
            assertThat(out[2].getFloat()).isCloseTo(2f / 3, within(1e-6f));
        }
    }

    @Test
    void scheduleWarmsUpThenDecaysToTheFloor() {
        assertThat(LearningRates.schedule(1.0, 0, 100, 0.1, 0.1)).isCloseTo(0.1, within(1e-12));
        assertThat(LearningRates.schedule(1.0, 9, 100, 0.1, 0.1)).isCloseTo(1.0, within(1e-12));
        assertThat(LearningRates.schedule(1.0, 10, 100, 0.1, 0.1)).isCloseTo(1.0, within(1e-12));
        assertThat(LearningRates.schedule(1.0, 99, 100, 0.1, 0.1)).isCloseTo(0.1, within(1e-12));
    }
}
