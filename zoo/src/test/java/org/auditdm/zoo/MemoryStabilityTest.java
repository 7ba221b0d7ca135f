package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.bench.ResidentMemory;
import org.auditdm.zoo.bench.ZooBenchmark;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.junit.jupiter.api.Test;

class MemoryStabilityTest {
    @Test
    void hundredThousandInferencesDoNotGrowResidentMemory() {
        assumeTrue(ResidentMemory.residentKilobytes() > 0, "needs /proc/self/status");
        try (ZooModel m = ZooModel.initialise("tiny", ModelSpec.TINY_TRANSFORMER, ZooModelTest.QV,
                ToySquares.ANSWERS, 1)) {
            List<VisualQuestion> qs = ZooBenchmark.syntheticQuestions(m, 1024, 3);
            int arrays = m.parameters().manager().getManagedArrays().size();
            ResidentMemory.Measurement r = ResidentMemory.run(m, qs, 20_000, 100_000);
            System.out.printf("VmRSS after warm-up %d kB, at end %d kB, growth %d kB (non-heap %d kB) over %d "
                    + "inferences in %.1f s%n", r.afterWarmupKb(), r.endKb(), r.growthKb(), r.nonHeapGrowthKb(),
                    r.inferences(), r.seconds());
            assertThat(r.inferences()).isEqualTo(100_000);
            // Leaking only the input images would cost ~1.2 GB over 80,000 inferences. The JVM may commit more
            // heap (counted in RSS), so the tight bound is on the rest; the total bound is loose.
            assertThat(r.nonHeapGrowthKb()).isLessThan(48 * 1024);
            assertThat(r.growthKb()).isLessThan(256 * 1024);
            assertThat(m.parameters().manager().getManagedArrays()).hasSize(arrays);
        }
    }
}
