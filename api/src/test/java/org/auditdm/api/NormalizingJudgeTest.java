package org.auditdm.api;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizingJudgeTest {
    private final NormalizingJudge judge = new NormalizingJudge();

    @ParameterizedTest(name = "''{0}'' = ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "two|2", "Two.|2", "There are two.|2", "twelve|12", "zero|0", "none|0",
        "Yes|yes", "yeah|yes", "True|yes", "No.|no", "nope|no",
        "grey|gray", "Gray|GRAY", "violet|purple", "the red one|red one",
        "Red|red", "a circle|circle", "circles|circle", "crosses|cross", "It is a star.|star",
        "top-left|top left", "upper left|top left", "centre|center", "in the middle|in center",
        "03:45|3:45", "3 o'clock|3:00", "The answer is C|c", "STOP|stop", "big|large",
        "café|cafe", "outlined|outline"})
    void equivalent(String a, String b) {
        assertThat(judge.same(a, b)).as("%s vs %s", a, b).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' != ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "2|3", "two|twenty", "yes|no", "red|orange", "blue|purple", "circle|square",
        "3:45|3:40", "3:45|4:45", "top left|top right", "left|right", "glass|glas", "10|1",
        "stop|go", "small|medium"})
    void different(String a, String b) {
        assertThat(judge.same(a, b)).as("%s vs %s", a, b).isFalse();
    }

    @Property(tries = 300)
    void symmetricAndReflexive(@ForAll String a, @ForAll String b) {
        assertThat(judge.same(a, a)).isTrue();
        assertThat(judge.same(a, b)).isEqualTo(judge.same(b, a));
    }

    @Property(tries = 300)
    void normalizeIsIdempotent(@ForAll String a) {
        String n = NormalizingJudge.normalize(a);
        assertThat(NormalizingJudge.normalize(n)).isEqualTo(n);
    }
}
