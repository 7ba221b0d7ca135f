package org.auditdm.world.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.SizeClass;
import org.junit.jupiter.api.Test;

class SceneSamplerTest {
    @Property(tries = 100)
    void sameSeedSameScene(@ForAll long seed) {
        SceneSampler s = new SceneSampler(WorldPrior.TRAINING);
        assertThat(s.sample(new SplittableRandom(seed))).isEqualTo(s.sample(new SplittableRandom(seed)));
    }

    @Property(tries = 100)
    void sampledObjectsStayInsideAndMostlyVisible(@ForAll long seed) {
        Scene scene = new SceneSampler(WorldPrior.UNIFORM).sample(SceneKind.OBJECTS, new SplittableRandom(seed));
        assertThat(scene.objects()).isNotEmpty();
        for (SceneObject o : scene.objects()) {
            assertThat(Geometry.visibleFraction(scene, o, 64)).as("object %d", o.id()).isGreaterThan(0.2);
        }
    }

    @Test
    void trainingPriorHasALongTail() {
        SceneSampler s = new SceneSampler(WorldPrior.TRAINING);
        SplittableRandom rng = new SplittableRandom(7);
        int few = 0;
        int many = 0;
        int small = 0;
        int objects = 0;
        for (int i = 0; i < 3000; i++) {
            Scene scene = s.sample(SceneKind.OBJECTS, rng);
            int n = scene.objects().size();
            if (n <= 3) {
                few++;
            }
            if (n >= 9) {
                many++;
            }
            for (SceneObject o : scene.objects()) {
                objects++;
                if (o.size() == SizeClass.SMALL) {
                    small++;
                }
            }
        }
        assertThat(few).isGreaterThan(5 * many);
        assertThat(many).isPositive();
        assertThat((double) small / objects).isBetween(0.08, 0.25);
    }
}
