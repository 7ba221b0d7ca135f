package org.auditdm.world.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;

class CaptionLawsTest {
    private static final SceneSampler SAMPLER = new SceneSampler(WorldPrior.UNIFORM);

    record Described(String shape, String color, String size, String fill, String region, String label) {
    }

    static List<Described> described(Scene s) {
        return s.objects().stream()
                .map(o -> new Described(o.shape().word(), o.color().word(), o.size().word(), o.fill().word(),
                        o.region().words(), o.label()))
                .sorted(Comparator.comparing(Described::toString))
                .toList();
    }

    @Property(tries = 300)
    void describeParseDescribeIsAFixedPoint(@ForAll long sceneSeed, @ForAll long parseSeed) {
        Scene scene = SAMPLER.sample(new SplittableRandom(sceneSeed));
        String caption = CaptionWriter.describe(scene);
        Scene parsed = CaptionParser.parse(caption, parseSeed);
        assertThat(CaptionWriter.describe(parsed)).isEqualTo(caption);
    }

    @Property(tries = 300)
    void parsedSceneKeepsEverythingTheCaptionSays(@ForAll long sceneSeed, @ForAll long parseSeed) {
        Scene scene = SAMPLER.sample(new SplittableRandom(sceneSeed));
        Scene parsed = CaptionParser.parse(CaptionWriter.describe(scene), parseSeed);
        assertThat(parsed.kind()).isEqualTo(scene.kind());
        assertThat(described(parsed)).isEqualTo(described(scene));
        assertThat(parsed.chart()).isEqualTo(scene.chart());
        assertThat(parsed.clock()).isEqualTo(scene.clock());
        assertThat(parsed.sign() == null ? null : parsed.sign().text())
                .isEqualTo(scene.sign() == null ? null : scene.sign().text());
        assertThat(parsed.backdrop().background()).isEqualTo(scene.backdrop().background());
        assertThat(parsed.backdrop().texture()).isEqualTo(scene.backdrop().texture());
        assertThat(parsed.backdrop().clutter() > 0).isEqualTo(scene.backdrop().clutter() > 0);
    }

    @Property(tries = 150)
    void crowdedObjectScenesSurviveTheRoundTrip(@ForAll @IntRange(min = 8, max = 12) int n, @ForAll long sceneSeed,
                                                @ForAll long parseSeed) {
        Scene scene = SAMPLER.objectScene(n, new SplittableRandom(sceneSeed));
        String caption = CaptionWriter.describe(scene);
        Scene parsed = CaptionParser.parse(caption, parseSeed);
        assertThat(described(parsed)).isEqualTo(described(scene));
        assertThat(CaptionWriter.describe(parsed)).isEqualTo(caption);
    }

    /** Found by {@link #sameCaptionAndSeedGiveTheSameScene}: with seed 144 the first draw leaves no room. */
    @net.jqwik.api.Example
    void aCrowdedCaptionGetsFurtherDrawsBeforeItHasNoRoom() {
        String caption = "a small black striped square at the top, a large brown striped hexagon on the left, a small "
                + "pink outlined cross on the left, a large brown striped diamond in the center, a small orange outlined "
                + "circle on the right, a medium orange striped triangle on the right, a small blue striped square at "
                + "the bottom left, a medium blue outlined square at the bottom, a medium yellow striped triangle at "
                + "the bottom, a large gray solid pentagon at the bottom, a small purple solid circle at the bottom "
                + "right and a large red solid diamond labelled 8 at the bottom right; compressed";
        for (long seed : new long[] {144, 228}) {
            Scene parsed = CaptionParser.parse(caption, seed);
            assertThat(parsed.objects()).hasSize(12);
            assertThat(CaptionWriter.describe(parsed)).isEqualTo(caption);
        }
    }

    @Property(tries = 100)
    void sameCaptionAndSeedGiveTheSameScene(@ForAll long sceneSeed, @ForAll long parseSeed) {
        String caption = CaptionWriter.describe(SAMPLER.sample(new SplittableRandom(sceneSeed)));
        assertThat(CaptionParser.parse(caption, parseSeed)).isEqualTo(CaptionParser.parse(caption, parseSeed));
    }

    @Property(tries = 50)
    void parsedScenesSurviveJson(@ForAll long sceneSeed) {
        Scene parsed = CaptionParser.parse(CaptionWriter.describe(SAMPLER.sample(new SplittableRandom(sceneSeed))), 1);
        assertThat(org.auditdm.world.scene.SceneJson.read(org.auditdm.world.scene.SceneJson.write(parsed)))
                .isEqualTo(parsed);
    }

    @Property(tries = 50)
    void everyKindRoundTrips(@ForAll("kinds") SceneKind kind, @ForAll long seed) {
        Scene scene = SAMPLER.sample(kind, new SplittableRandom(seed));
        String caption = CaptionWriter.describe(scene);
        assertThat(CaptionWriter.describe(CaptionParser.parse(caption, seed))).isEqualTo(caption);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<SceneKind> kinds() {
        return net.jqwik.api.Arbitraries.of(SceneKind.class);
    }
}
