package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.auditdm.api.NormalizingJudge;
import org.junit.jupiter.api.Test;

class StudyDescribeTest {
    private static RectificationExample example(int i, String question, String label, String oracle) {
        return new RectificationExample("x-" + i, Doubles.picture(i), null, question, label,
                Provenance.of(Source.BOOTSTRAP, "pool-" + i), label, List.of(label, label), oracle);
    }

    @Test
    void aDataSetIsDescribedByFamilyWithItsLabelErrorPerFamily() {
        DataSet d = new DataSet("auditdm", Map.of(), List.of(
                example(0, "how many circles are there?", "3", "3"),
                example(1, "how many squares are there?", "2", "4"),
                example(2, "what colour is the star?", "red", null)));
        Map<String, Object> m = RectificationStudy.describe(d, new NormalizingJudge());
        assertThat(m.get("byFamily")).isEqualTo(Map.of("count", 2, "color", 1));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> err = (Map<String, Map<String, Object>>) m.get("pseudoLabelErrorByFamily");
        assertThat(err.get("count")).containsEntry("errors", 1).containsEntry("checked", 2).containsEntry("rate", 0.5);
        assertThat(err.get("color")).containsEntry("checked", 0).containsEntry("rate", "n/a");
    }
}
