package org.auditdm.world.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.junit.jupiter.api.Test;

class SceneJsonTest {
    private final SceneSampler sampler = new SceneSampler(WorldPrior.UNIFORM);

    @Property(tries = 200)
    void roundTripsEverySampledScene(@ForAll long seed) {
        Scene scene = sampler.sample(new SplittableRandom(seed));
        String json = SceneJson.write(scene);
        assertThat(SceneJson.read(json)).isEqualTo(scene);
        assertThat(SceneJson.read(SceneJson.writePretty(scene))).isEqualTo(scene);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> SceneJson.read("{\n  \"objects\": [ {\"id\": 0,, } ]\n}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid scene JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void unknownColourIsNamedWithItsPath() {
        String json = "{\"objects\":[{\"id\":0,\"shape\":\"CIRCLE\",\"color\":\"MAGENTA\",\"size\":\"SMALL\","
                + "\"fill\":\"SOLID\",\"rotation\":0,\"x\":0.5,\"y\":0.5}]}";
        assertThatThrownBy(() -> SceneJson.read(json))
                .hasMessageContaining("MAGENTA")
                .hasMessageContaining("objects[0]");
    }

    @Test
    void unknownFieldIsRejected() {
        assertThatThrownBy(() -> SceneJson.read("{\"objekts\": []}"))
                .hasMessageContaining("objekts");
    }

    @Test
    void violatedLimitsExplainThemselves() {
        StringBuilder sb = new StringBuilder("{\"objects\":[");
        for (int i = 0; i < 13; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i)
                    .append(",\"shape\":\"CIRCLE\",\"color\":\"RED\",\"size\":\"SMALL\",\"fill\":\"SOLID\","
                            + "\"rotation\":0,\"x\":0.5,\"y\":0.5}");
        }
        sb.append("]}");
        assertThatThrownBy(() -> SceneJson.read(sb.toString())).hasMessageContaining("at most 12 objects");
        assertThatThrownBy(() -> SceneJson.read(
                "{\"sign\":{\"text\":\"THIS IS FAR TOO LONG\",\"textColor\":\"BLACK\",\"boardColor\":\"WHITE\","
                        + "\"textSize\":\"LARGE\",\"rotation\":0,\"x\":0.5,\"y\":0.5}}"))
                .hasMessageContaining("limit is 12");
        assertThatThrownBy(() -> SceneJson.read(
                "{\"objects\":[{\"id\":0,\"shape\":\"CIRCLE\",\"color\":\"RED\",\"size\":\"SMALL\",\"fill\":\"SOLID\","
                        + "\"rotation\":0,\"x\":1.5,\"y\":0.5}]}"))
                .hasMessageContaining("x must be in [0, 1]");
        assertThatThrownBy(() -> SceneJson.read("")).hasMessageContaining("empty");
    }

    @Test
    void kindIsDerivedFromContent() {
        Scene chart = sampler.sample(SceneKind.CHART, new SplittableRandom(1));
        Scene clock = sampler.sample(SceneKind.CLOCK, new SplittableRandom(1));
        Scene sign = sampler.sample(SceneKind.SIGN, new SplittableRandom(1));
        Scene objects = sampler.sample(SceneKind.OBJECTS, new SplittableRandom(1));
        assertThat(chart.kind()).isEqualTo(SceneKind.CHART);
        assertThat(clock.kind()).isEqualTo(SceneKind.CLOCK);
        assertThat(sign.kind()).isEqualTo(SceneKind.SIGN);
        assertThat(objects.kind()).isEqualTo(SceneKind.OBJECTS);
        assertThat(SceneJson.write(chart)).doesNotContain("kind");
    }
}
