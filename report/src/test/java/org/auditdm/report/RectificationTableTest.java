package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RectificationTableTest {
    private static RectificationTable read(String json) throws Exception {
        JsonNode doc = ReportJson.mapper().readTree(json);
        return RectificationTable.from(doc).orElseThrow();
    }

    @Test
    void columnsWithRowObjects() throws Exception {
        RectificationTable t = read("""
                {"title": "Fine-tuning", "description": "before and after",
                 "table": {"columns": ["bench", "type"], "rows": [{"label": "S", "values": [0.38, 0.5]},
                                                                  {"name": "S'", "values": [0.4]}]}}""");
        assertThat(t.title()).isEqualTo("Fine-tuning");
        assertThat(t.note()).isEqualTo("before and after");
        assertThat(t.columns()).containsExactly("bench", "type");
        assertThat(t.rows()).containsExactly(new RectificationTable.Row("S", List.of("0.38", "0.5")),
                new RectificationTable.Row("S'", List.of("0.4", "")));
    }

    @Test
    void columnsRowsAndValueMatrix() throws Exception {
        RectificationTable t = read("""
                {"table": {"columns": ["a", "b"], "rows": ["x", "y"], "values": [[1, 2.5], [3, "NaN"]]}}""");
        assertThat(t.title()).isEqualTo("Rectification");
        assertThat(t.rows()).containsExactly(new RectificationTable.Row("x", List.of("1", "2.5")),
                new RectificationTable.Row("y", List.of("3", "NaN")));
    }

    @Test
    void objectOfObjectsAndArrayOfObjects() throws Exception {
        RectificationTable byName = read("{\"table\": {\"S\": {\"a\": 0.123456}, \"S2\": {\"b\": 2}}}");
        assertThat(byName.columns()).containsExactly("a", "b");
        assertThat(byName.rows()).containsExactly(new RectificationTable.Row("S", List.of("0.1235", "")),
                new RectificationTable.Row("S2", List.of("", "2")));
        RectificationTable list = read("{\"table\": [{\"model\": \"S\", \"acc\": 0.5}, {\"model\": \"S2\", \"acc\": 0.75}]}");
        assertThat(list.columns()).containsExactly("acc");
        assertThat(list.rows()).extracting(RectificationTable.Row::label).containsExactly("S", "S2");
    }

    @Test
    void noTableMeansNoSectionAndABadTableIsNamed() throws Exception {
        assertThat(RectificationTable.from(ReportJson.mapper().readTree("{\"other\": 1}"))).isEmpty();
        assertThat(RectificationTable.from(null)).isEmpty();
        assertThatThrownBy(() -> read("{\"table\": 3}")).hasMessageContaining("rectification.json");
    }

    @Test
    void theRectifyModulesBenchTableShowsRatesWithIntervals() throws Exception {
        RectificationTable t = read("""
                {"table": {"suites": ["pope", "clock"],
                           "rows": {"S": {"pope": {"rate": 0.63, "low": 0.574, "high": 0.683},
                                          "clock": {"rate": 0.007, "low": 0.002, "high": 0.024},
                                          "average": {"rate": 0.378, "low": 0.365, "high": 0.391}},
                                    "L": {"pope": {"rate": 0.687}}}}}""");
        assertThat(t.columns()).containsExactly("pope", "clock", "average");
        assertThat(t.rows()).containsExactly(
                new RectificationTable.Row("S", List.of("63.0 [57.4, 68.3]", "0.7 [0.2, 2.4]", "37.8 [36.5, 39.1]")),
                new RectificationTable.Row("L", List.of("68.7", "", "")));
    }
}
