package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.auditdm.api.NormalizingJudge;
import org.junit.jupiter.api.Test;

class FamilyMixTest {
    private static final String COUNT = "how many circles are there?";
    private static final String COLOUR = "what colour is the star?";
    private static final String SPATIAL = "is the circle to the left of the square?";

    private static RectificationExample example(int i, String question, String target, String label) {
        return new RectificationExample("x-" + i, Doubles.picture(i), null, question, label,
                Provenance.of(Source.BOOTSTRAP, "pool-" + i), target, List.of(label, label), null);
    }

    @Test
    void familiesComeFromTheWordingAndUnparsedTextIsOther() {
        assertThat(QuestionFamilies.of(COUNT)).isEqualTo("count");
        assertThat(QuestionFamilies.of("how many red objects are there?")).isEqualTo("count-attribute");
        assertThat(QuestionFamilies.of(SPATIAL)).isEqualTo("spatial");
        assertThat(QuestionFamilies.of("describe the mood of this photo")).isEqualTo(QuestionFamilies.OTHER);
    }

    @Test
    void disagreementWeightsAreSmoothedTargetDisagreementRates() {
        List<RectificationExample> xs = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // count: target agrees on all 8
            xs.add(example(i, COUNT, "3", "3"));
        }
        xs.add(example(8, COLOUR, "red", "blue")); // colour: 2 of 2 differ ("Blue" means "blue")
        xs.add(example(9, COLOUR, "green", "Blue"));
        xs.add(example(10, SPATIAL, "no", "yes")); // spatial: 1 of 2 differ
        xs.add(example(11, SPATIAL, "yes", "yes"));
        Map<String, Double> w = FamilyMix.weights(xs, FamilyMix.Weighting.DISAGREEMENT, new NormalizingJudge());
        assertThat(w).containsOnlyKeys("count", "color", "spatial");
        assertThat(w.get("count")).isEqualTo(1.0 / 10);
        assertThat(w.get("color")).isEqualTo(3.0 / 4);
        assertThat(w.get("spatial")).isEqualTo(2.0 / 4);
        assertThat(FamilyMix.weights(xs, FamilyMix.Weighting.EVEN, new NormalizingJudge()).values())
                .containsOnly(1.0);
    }

    @Test
    void quotasFollowWeightsAndHandOnWhatAFamilyCannotFill() {
        Map<String, Integer> q = FamilyMix.quotas(Map.of("a", 100, "b", 100, "c", 5), 60,
                Map.of("a", 1.0, "b", 1.0, "c", 1.0));
        assertThat(q).containsEntry("c", 5);
        assertThat(q.get("a") + q.get("b")).isEqualTo(55);
        assertThat(Math.abs(q.get("a") - q.get("b"))).isLessThanOrEqualTo(1);
        Map<String, Integer> skew = FamilyMix.quotas(Map.of("a", 100, "b", 100), 40, Map.of("a", 3.0, "b", 1.0));
        assertThat(skew).containsEntry("a", 30).containsEntry("b", 10);
    }

    @Property(tries = 200)
    void quotasSumToWhatCanBeKeptAndNeverExceedWhatIsThere(@ForAll @IntRange(min = 0, max = 40) int a,
                                                           @ForAll @IntRange(min = 0, max = 40) int b,
                                                           @ForAll @IntRange(min = 1, max = 40) int c,
                                                           @ForAll @IntRange(min = 0, max = 120) int n,
                                                           @ForAll @IntRange(min = 0, max = 9) int wa) {
        Map<String, Integer> available = Map.of("a", a, "b", b, "c", c);
        Map<String, Integer> q = FamilyMix.quotas(available, n, Map.of("a", (double) wa, "b", 1.0, "c", 0.5));
        assertThat(q.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(Math.min(n, a + b + c));
        q.forEach((f, k) -> assertThat(k).isBetween(0, available.get(f)));
    }

    @Test
    void selectKeepsTheEarliestOfEachFamilyInOrder() {
        List<RectificationExample> xs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            xs.add(example(i, i < 8 ? COUNT : COLOUR, "1", "1"));
        }
        List<RectificationExample> kept = FamilyMix.select(xs, 4, Map.of("count", 1.0, "color", 1.0));
        assertThat(kept).extracting(RectificationExample::id).containsExactly("x-0", "x-1", "x-8", "x-9");
        assertThat(FamilyMix.select(xs, 20, Map.of())).hasSize(10);
    }

    @Test
    void weightingNamesParseAndUnknownOnesAreRefusedClearly() {
        assertThat(FamilyMix.Weighting.parse("Disagreement")).isEqualTo(FamilyMix.Weighting.DISAGREEMENT);
        assertThat(FamilyMix.Weighting.parse("as-found")).isEqualTo(FamilyMix.Weighting.AS_FOUND);
        assertThatThrownBy(() -> FamilyMix.Weighting.parse("balanced"))
                .hasMessageContaining("unknown family weighting 'balanced'").hasMessageContaining("even");
    }
}
