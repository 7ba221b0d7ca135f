package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which models the rectification table adds for comparison. */
class RectifyComparisonsTest {
    private final Path zoo = Path.of("models", "zoo");
    private final Function<String, Path> resolve = name -> zoo.resolve(name);

    @Test
    void theSiblingsAreAddedUnlessTheyAreAlreadyTargetOrReference() {
        Map<String, Path> m = RectifyOptions.comparisons(zoo.resolve("S"), List.of(zoo.resolve("R1"), zoo.resolve("L")),
                List.of("M", "L", "S"), resolve);
        assertThat(m).containsOnlyKeys("M");
        assertThat(m.get("M")).isEqualTo(zoo.resolve("M"));
    }

    @Test
    void noneAndRepeatsGiveNoExtraRows() {
        assertThat(RectifyOptions.comparisons(zoo.resolve("S"), List.of(), List.of("none"), resolve)).isEmpty();
        assertThat(RectifyOptions.comparisons(zoo.resolve("S"), List.of(), List.of("M", "M"), resolve))
                .containsOnlyKeys("M");
    }
}
