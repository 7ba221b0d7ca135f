package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCostTest {
    private static final String QUERIES = """
            {"target": "t-id", "models": {"S": "t-id", "R1": "r1-id", "R2": "r2-id"},
             "phases": [
               {"name": "grpo", "questions": {"S": 1000, "R1": 1100, "R2": 1100}},
               {"name": "discovery", "questions": {"S": 100, "R1": 120, "R2": 120}},
               {"name": "measure auditor:rl", "questions": {"S": 50, "R1": 60, "R2": 60}},
               {"name": "measure auditor:base", "questions": {"S": 40, "R1": 40, "R2": 40}}],
             "targetYield": {
               "discovery": {"findings": 20, "targetQuestions": 100, "findingsPer100": 20.0},
               "measure auditor:rl": {"validFailures": 25, "targetQuestions": 50, "validFailuresPer100": 50.0},
               "measure auditor:base": {"validFailures": 0, "targetQuestions": 40, "validFailuresPer100": 0.0}}}
            """;

    private static JsonNode queries() throws Exception {
        return ReportJson.mapper().readTree(QUERIES);
    }

    @Test
    void pricesEveryPhaseAndWhatItBought() throws Exception {
        QueryCost c = QueryCost.of(queries(), Map.of("S", 0.01, "r1-id", 0.001));
        assertThat(c.models()).containsExactly("S", "R1", "R2");
        assertThat(c.prices()).containsOnlyKeys("S", "R1");
        assertThat(c.unpriced()).containsExactly("R2");
        QueryCost.Phase grpo = c.phases().get(0);
        assertThat(grpo.costs().get("S")).isCloseTo(10.0, within(1e-9));   // 1000 x 0.01
        assertThat(grpo.costs().get("R1")).isCloseTo(1.1, within(1e-9));   // 1100 x 0.001
        assertThat(grpo.costs().get("R2")).isZero();
        assertThat(grpo.total()).isCloseTo(11.1, within(1e-9));
        assertThat(c.total()).isCloseTo(11.1 + 1.12 + 0.56 + 0.44, within(1e-9));
        assertThat(c.yields()).extracting(QueryCost.Yield::phase)
                .containsExactly("discovery", "measure auditor:rl", "measure auditor:base");
        QueryCost.Yield discovery = c.yields().get(0);
        assertThat(discovery.what()).isEqualTo("finding");
        assertThat(discovery.perItem()).isCloseTo(1.12 / 20, within(1e-9));
        QueryCost.Yield rl = c.yields().get(1);
        assertThat(rl.what()).isEqualTo("valid failure");
        assertThat(rl.count()).isEqualTo(25);
        assertThat(rl.perItem()).isCloseTo(0.56 / 25, within(1e-9)); // the references' questions cost too
        assertThat(c.yields().get(2).perItem()).isNaN();             // bought nothing
        assertThat(c.text()).contains("0.0224 per valid failure", "n/a per valid failure",
                "not priced (counted as free): R2", "11.1000");
    }

    @Test
    void badPricesAndUnknownModelsAreNamed() throws Exception {
        assertThat(QueryCost.parsePrices(List.of("S=0.5, R1=0", "R2=1e-4")))
                .containsExactly(Map.entry("S", 0.5), Map.entry("R1", 0.0), Map.entry("R2", 1e-4));
        assertThatThrownBy(() -> QueryCost.parsePrices(List.of("S"))).hasMessageContaining("NAME=PRICE");
        assertThatThrownBy(() -> QueryCost.parsePrices(List.of("S=x"))).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> QueryCost.parsePrices(List.of("S=-1"))).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> QueryCost.parsePrices(List.of("S=1,S=2"))).hasMessageContaining("priced twice");
        assertThatThrownBy(() -> QueryCost.parsePrices(List.of(" , "))).hasMessageContaining("no prices");
        assertThatThrownBy(() -> QueryCost.of(queries(), Map.of("L", 1.0)))
                .hasMessageContaining("'L' is not a model of this run (its models: S, R1, R2)");
    }

    @Test
    void readsARunDirectoryAndSaysWhenItHasNoCounts(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> QueryCost.read(dir)).hasMessageContaining("has no queries.json");
        Files.writeString(dir.resolve(RunContents.QUERIES), "{not json");
        assertThatThrownBy(() -> QueryCost.read(dir)).hasMessageContaining("malformed JSON");
        Files.writeString(dir.resolve(RunContents.QUERIES), QUERIES);
        assertThat(QueryCost.of(QueryCost.read(dir), Map.of("S", 1.0)).total()).isEqualTo(1190.0);
    }
}
