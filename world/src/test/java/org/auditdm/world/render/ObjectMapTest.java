package org.auditdm.world.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.ShapeKind;
import org.junit.jupiter.api.Test;

class ObjectMapTest {
    @Test
    void cellsBelongToTheObjectDrawnThereAndTheTopmostWins() {
        // Two large squares (radius 0.13 of the side): one top-left, one overlapping it from the right.
        Scene scene = Scenes.of(Scenes.object(0, ShapeKind.SQUARE, NamedColor.RED, Fill.SOLID, 0.25, 0.25),
                Scenes.object(1, ShapeKind.SQUARE, NamedColor.BLUE, Fill.SOLID, 0.35, 0.25));
        int grid = 16;
        int[] cells = ObjectMap.cells(scene, grid);
        assertThat(cells[4 * grid + 2]).as("left part of the lower object").isZero();
        assertThat(cells[4 * grid + 5]).as("where the objects overlap, the later one").isEqualTo(1);
        assertThat(cells[12 * grid + 12]).as("empty corner").isEqualTo(ObjectMap.EMPTY);
        assertThat(Arrays.stream(cells).filter(c -> c == ObjectMap.EMPTY).count()).isGreaterThan(grid * grid / 2);
    }

    @Test
    void agreesWithThePaintedPixels() {
        Scene scene = Scenes.of(Scenes.object(0, ShapeKind.CIRCLE, NamedColor.RED, Fill.SOLID, 0.3, 0.6),
                Scenes.object(1, ShapeKind.TRIANGLE, NamedColor.BLUE, Fill.SOLID, 0.7, 0.3));
        int side = 64;
        int[] cells = ObjectMap.cells(scene, side);
        int[] px = new Renderer().render(scene, side).pixels();
        int checked = 0;
        for (int y = 1; y < side - 1; y++) {
            for (int x = 1; x < side - 1; x++) {
                int i = y * side + x;
                boolean interior = cells[i] != ObjectMap.EMPTY && cells[i - 1] == cells[i] && cells[i + 1] == cells[i]
                        && cells[i - side] == cells[i] && cells[i + side] == cells[i];
                if (interior) {
                    checked++;
                    assertThat(Scenes.nearest(px[i])).as("pixel (%d, %d)", x, y)
                            .isEqualTo(cells[i] == 0 ? NamedColor.RED : NamedColor.BLUE);
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void scenesWithoutObjectsAndBadGridsHaveClearAnswers() {
        assertThat(ObjectMap.cells(Scenes.of(), 4)).containsOnly(ObjectMap.EMPTY);
        assertThatThrownBy(() -> ObjectMap.cells(Scenes.of(), 0)).hasMessageContaining("grid must be positive");
    }
}
