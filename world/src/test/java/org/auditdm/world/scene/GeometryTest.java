package org.auditdm.world.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {
    private static SceneObject obj(int id, ShapeKind s, SizeClass size, double x, double y) {
        return new SceneObject(id, s, NamedColor.RED, size, Fill.SOLID, 0, x, y, null);
    }

    @Test
    void circleAreaMatchesFormula() {
        SceneObject c = obj(0, ShapeKind.CIRCLE, SizeClass.LARGE, 0.5, 0.5);
        double r = SizeClass.LARGE.radius() * 100;
        assertThat(Geometry.area(Geometry.outline(c, 100))).isCloseTo(Math.PI * r * r, within(2.0));
    }

    @Test
    void anObjectAloneIsFullyVisible() {
        SceneObject c = obj(0, ShapeKind.STAR, SizeClass.MEDIUM, 0.5, 0.5);
        Scene s = Scene.ofObjects(List.of(c), null);
        assertThat(Geometry.visibleFraction(s, c, 64)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void laterObjectsOccludeEarlierOnesOnly() {
        SceneObject under = obj(0, ShapeKind.SQUARE, SizeClass.SMALL, 0.5, 0.5);
        SceneObject over = obj(1, ShapeKind.SQUARE, SizeClass.LARGE, 0.5, 0.5);
        Scene s = Scene.ofObjects(List.of(under, over), null);
        assertThat(Geometry.visibleFraction(s, under, 64)).isZero();
        assertThat(Geometry.visibleFraction(s, over, 64)).isCloseTo(1.0, within(1e-6));
        Scene swapped = Scene.ofObjects(List.of(over, under), null);
        assertThat(Geometry.visibleFraction(swapped, over, 64)).isBetween(0.5, 0.99);
    }

    @Test
    void partOutsideTheImageIsNotVisible() {
        SceneObject c = obj(0, ShapeKind.SQUARE, SizeClass.LARGE, 0.0, 0.5);
        Scene s = Scene.ofObjects(List.of(c), null);
        assertThat(Geometry.visibleFraction(s, c, 64)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void everyShapeHasADistinctOutline() {
        double[] areas = new double[ShapeKind.values().length];
        for (ShapeKind k : ShapeKind.values()) {
            areas[k.ordinal()] = Geometry.area(Geometry.outline(obj(0, k, SizeClass.LARGE, 0.5, 0.5), 100));
            assertThat(areas[k.ordinal()]).as(k.word()).isGreaterThan(50);
        }
        assertThat(java.util.Arrays.stream(areas).map(Math::round).distinct().count())
                .isEqualTo(ShapeKind.values().length);
    }

    @Test
    void signTextFitsOnItsBoard() {
        Sign sign = new Sign("STOP", NamedColor.WHITE, NamedColor.RED, TextSize.MEDIUM, 10, 0.5, 0.5);
        assertThat(Geometry.board(sign, 64).getBounds2D().contains(Geometry.text(sign, 64).getBounds2D())).isTrue();
        assertThat(Geometry.inside(Geometry.board(sign, 64), 64)).isTrue();
    }
}
