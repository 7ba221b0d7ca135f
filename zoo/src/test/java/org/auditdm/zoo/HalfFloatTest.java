package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.auditdm.zoo.checkpoint.ParameterFile;
import org.auditdm.zoo.checkpoint.Precision;

class HalfFloatTest {
    @Property(tries = 500)
    void roundingToHalfIsNearestAndIdempotent(@ForAll @FloatRange(min = -60000f, max = 60000f) float f) {
        float h = ParameterFile.rounded(new float[] {f}, Precision.FLOAT16)[0];
        assertThat(ParameterFile.rounded(new float[] {h}, Precision.FLOAT16)[0]).isEqualTo(h);
        // Relative error of binary16 is at most 2^-11 for normal numbers; absolute 2^-25 near zero.
        assertThat((double) Math.abs(h - f)).isLessThanOrEqualTo(Math.abs(f) / 2048.0 + Math.pow(2, -25));
    }

    @Property(tries = 50)
    void exactHalfValuesSurvive(@ForAll @FloatRange(min = -255f, max = 255f) float f) {
        float h = Math.round(f * 4) / 4f; // quarters below 256 are exact in binary16 (11 significant bits)
        assertThat(ParameterFile.rounded(new float[] {h}, Precision.FLOAT16)[0]).isEqualTo(h);
    }
}
