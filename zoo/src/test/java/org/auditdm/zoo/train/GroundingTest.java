package org.auditdm.zoo.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.auditdm.api.Picture;
import org.auditdm.world.question.Family;
import org.junit.jupiter.api.Test;

class GroundingTest {
    @Test
    void spatialExamplesGroundTheirSubjectAndOtherObjectOnDistinctCoveredCells() {
        WorldSource source = WorldSource.training(List.of(Family.SPATIAL), 2).withGrounding(8);
        List<LabeledExample> batch = source.next(ZooTraining.stepRandom(5, 1), 32);
        int both = 0;
        for (LabeledExample e : batch) {
            Grounding g = e.grounding();
            assertThat(g.grid()).isEqualTo(8);
            if (g.has(0) && g.has(1)) {
                both++;
                assertThat(g.referents()[0]).isNotEqualTo(g.referents()[1]);
            }
        }
        assertThat(both).as("most two-object spatial questions name two covered objects").isGreaterThan(16);
        assertThat(WorldSource.training().next(ZooTraining.stepRandom(5, 1), 4))
                .allSatisfy(e -> assertThat(e.grounding()).isNull());
    }

    @Test
    void groundingLossIsMinusTheLogOfTheAttentionOnTheReferentAveragedOverGroundedPointers() {
        Picture p = Picture.of(1, 1, new int[] {0});
        // Four cells; object 0 covers cells 0 and 1, object 1 covers cell 3. Pointer 0 names object 0, pointer 1 none.
        LabeledExample grounded = new LabeledExample(p, "q", "a", null,
                new Grounding(2, new int[] {0, 0, -1, 1}, new int[] {0, -1}));
        LabeledExample plain = new LabeledExample(p, "q", "a");
        try (NDManager m = NDManager.newBaseManager()) {
            float[] attention = {0.2f, 0.3f, 0.1f, 0.4f, /* pointer 1 */ 0.25f, 0.25f, 0.25f, 0.25f,
                0.1f, 0.1f, 0.1f, 0.7f, 0.25f, 0.25f, 0.25f, 0.25f};
            float loss = ZooTraining.groundingLoss(m, m.create(attention, new Shape(2, 2, 4)), List.of(grounded, plain))
                    .getFloat();
            assertThat((double) loss).isCloseTo(-Math.log(0.5), within(1e-4));
            assertThat(ZooTraining.groundingLoss(m, m.create(attention, new Shape(2, 2, 4)), List.of(plain, plain)))
                    .isNull();
        }
    }
}
