package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.auditdm.failures.Facet;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;
import org.auditdm.failures.TypeDefinition;
import org.auditdm.failures.Validation;
import org.auditdm.world.bench.Accuracy;
import org.junit.jupiter.api.Test;

class RunDiffTest {
    private static final TypeDefinition GONE = def("family=color");
    private static final TypeDefinition WEAKENED = def("family=count");
    private static final TypeDefinition HALVED = def("family=shape");
    private static final TypeDefinition STEADY = def("family=size");
    private static final TypeDefinition GREW = def("family=region");
    private static final TypeDefinition BORN = def("family=clock");
    private static final TypeDefinition NEVER = def("family=sign");

    private static TypeDefinition def(String facet) {
        return new TypeDefinition(List.of(Facet.parse(facet)));
    }

    private static FailureType type(TypeDefinition d, String name, int failures, int of, boolean validated) {
        Validation v = new Validation(of, Accuracy.of(of, of), Accuracy.of(failures, of), Accuracy.of(failures, of),
                Map.of(), validated ? 1e-4 : 0.5, validated);
        return new FailureType(d.id(), name, "", d, List.of("f-1"), List.of(), v, List.of());
    }

    private static FailureTypes run(String id, FailureType... types) {
        return new FailureTypes(id, "S", List.of("M", "L"), 10, 10, null, List.of(types), 1);
    }

    private final FailureTypes before = run("before",
            type(GONE, "colour", 60, 100, true),
            type(WEAKENED, "count", 50, 100, true),
            type(HALVED, "shape", 80, 100, true),
            type(STEADY, "size", 40, 100, true),
            type(GREW, "region", 20, 100, false),
            type(NEVER, "sign", 10, 100, false));
    private final FailureTypes after = run("after",
            type(WEAKENED, "count", 15, 100, false),
            type(HALVED, "shape", 40, 100, true),
            type(STEADY, "size", 42, 100, true),
            type(GREW, "region", 60, 100, true),
            type(BORN, "clock <b>", 70, 100, true),
            type(NEVER, "sign", 12, 100, false));

    @Test
    void classifiesTypesByWhetherEachRunValidatesThem() {
        RunDiff d = RunDiff.between(before, after);
        assertThat(d.fixed()).extracting(RunDiff.Fixed::name, RunDiff.Fixed::statusB)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("count", RunDiff.NOT_VALIDATED));
        // absent from B's types is not a fix: B's audit simply found nothing of that definition
        assertThat(d.notFound()).extracting(RunDiff.NotFound::name).containsExactly("colour");
        assertThat(d.remaining()).extracting(RunDiff.Remaining::name).containsExactly("shape", "size");
        assertThat(d.added()).extracting(RunDiff.Added::name, RunDiff.Added::statusA)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("region", RunDiff.NOT_VALIDATED),
                        org.assertj.core.groups.Tuple.tuple("clock <b>", RunDiff.ABSENT));
    }

    @Test
    void gatesNameEachTypeThatFailsThem() {
        RunDiff d = RunDiff.between(before, after);
        assertThat(d.violations(java.util.EnumSet.of(RunDiff.Gate.NEW)))
                .hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("new: " + GREW.id() + " region").contains("not validated in A"))
                .anySatisfy(v -> assertThat(v).startsWith("new: " + BORN.id() + " clock <b>").contains("absent in A"));
        // shape fell (80% -> 40%) and size rose within its interval: neither is worse
        assertThat(d.violations(java.util.EnumSet.of(RunDiff.Gate.WORSE))).isEmpty();
        assertThat(d.violations(java.util.EnumSet.of(RunDiff.Gate.REMAINING)))
                .extracting(v -> v.substring(0, v.indexOf(' ', "remaining: ".length())))
                .containsExactly("remaining: " + HALVED.id(), "remaining: " + STEADY.id());
        assertThat(d.violations(java.util.EnumSet.allOf(RunDiff.Gate.class))).hasSize(4);

        RunDiff rose = RunDiff.between(run("a", type(STEADY, "size", 20, 100, true)),
                run("b", type(STEADY, "size", 60, 100, true)));
        assertThat(rose.violations(java.util.EnumSet.of(RunDiff.Gate.WORSE)))
                .containsExactly("worse: " + STEADY.id() + " size (20.0 [13.3, 28.9] -> 60.0 [50.2, 69.1], CIs separate)");
        assertThat(rose.violations(java.util.EnumSet.of(RunDiff.Gate.NEW))).isEmpty();
        // a model compared with itself passes every gate but 'remaining'
        RunDiff same = RunDiff.between(before, before);
        assertThat(same.violations(java.util.EnumSet.of(RunDiff.Gate.NEW, RunDiff.Gate.WORSE))).isEmpty();
    }

    @Test
    void gateNamesAreParsedOrReportedByName() {
        assertThat(RunDiff.Gate.parse("new, Worse")).containsExactly(RunDiff.Gate.NEW, RunDiff.Gate.WORSE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunDiff.Gate.parse("new,fixed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown gate 'fixed'; expected some of new, worse, remaining");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunDiff.Gate.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no gate named");
    }

    @Test
    void remainingTypesCarryTheRateChangeAndWhetherIntervalsSeparate() {
        RunDiff d = RunDiff.between(before, after);
        RunDiff.Remaining shape = d.remaining().get(0);
        assertThat(shape.change()).isCloseTo(-0.40, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(shape.separated()).isTrue();
        RunDiff.Remaining size = d.remaining().get(1);
        assertThat(size.change()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(size.separated()).isFalse();
    }

    @Test
    void aRunComparedWithItselfHasOnlyRemainingTypesWithoutChange() {
        RunDiff d = RunDiff.between(after, after);
        assertThat(d.fixed()).isEmpty();
        assertThat(d.notFound()).isEmpty();
        assertThat(d.added()).isEmpty();
        assertThat(d.remaining()).hasSize(4).allSatisfy(r -> {
            assertThat(r.change()).isZero();
            assertThat(r.separated()).isFalse();
        });
    }

    @Test
    void textJsonAndHtmlShowTheSameClassification() throws Exception {
        RunDiff d = RunDiff.between(before, after);
        String text = d.text();
        assertThat(text).contains("fixed: 1", "not found again: 1", "remaining: 2", "new: 2", "absent in B",
                "not validated in B", "not evidence of a fix",
                "-40.0 points, CIs separate", "+2.0 points, CIs overlap");

        JsonNode json = ReportJson.mapper().readTree(ReportJson.write(d));
        assertThat(json.path("fixed")).hasSize(1);
        assertThat(json.path("notFoundAgain")).hasSize(1);
        assertThat(json.path("remaining")).hasSize(2);
        assertThat(json.path("new")).hasSize(2);
        assertThat(json.path("runA").asText()).isEqualTo("before");

        String html = d.htmlPage();
        assertThat(html).contains("Fixed (1)", "Not found again (1)", "Remaining (2)", "New (2)", "clock &lt;b&gt;").doesNotContain("clock <b>");
        assertThat(html).startsWith("<!DOCTYPE html>");
    }
}
