package org.auditdm.world.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.scene.SceneJson;
import org.junit.jupiter.api.Test;

class PoolsTest {
    @Test
    void seedsAreStableDistinctAndAnswerable() {
        List<Seed> a = new SeedPool(1).range(0, 50);
        assertThat(new SeedPool(1).range(10, 20)).isEqualTo(a.subList(10, 20));
        assertThat(new HashSet<>(a.stream().map(s -> SceneJson.write(s.scene())).toList())).hasSize(50);
        Oracle oracle = new Oracle();
        for (Seed s : a) {
            assertThat(oracle.answer(s.scene(), QuestionParser.parse(s.question()).program()).answer())
                    .isEqualTo(s.oracleAnswer());
        }
        assertThat(new SeedPool(2).get(0)).isNotEqualTo(a.get(0));
    }

    @Test
    void imagePoolIsStableAndVaried() {
        ImagePool pool = new ImagePool(3);
        assertThat(pool.get(5)).isEqualTo(new ImagePool(3).get(5));
        var kinds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            kinds.add(pool.get(i).kind());
        }
        assertThat(kinds).hasSize(4);
    }
}
