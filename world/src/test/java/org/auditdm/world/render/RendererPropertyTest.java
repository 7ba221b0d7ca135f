package org.auditdm.world.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.auditdm.api.Picture;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

class RendererPropertyTest {
    private final Renderer renderer = new Renderer();

    @Property(tries = 200)
    void centrePixelOfALargeSolidObjectHasItsColour(
            @ForAll NamedColor color, @ForAll NamedColor background, @ForAll ShapeKind shape,
            @ForAll @DoubleRange(min = 0.15, max = 0.85) double x, @ForAll @DoubleRange(min = 0.15, max = 0.85) double y,
            @ForAll @DoubleRange(min = 0, max = 360) double rotation, @ForAll @IntRange(min = 32, max = 160) int side) {
        SceneObject o = new SceneObject(0, shape, color, SizeClass.LARGE, Fill.SOLID, rotation, x, y, null);
        Picture p = renderer.render(Scene.ofObjects(List.of(o), Backdrop.PLAIN_WHITE.withBackground(background)), side);
        assertThat(Scenes.nearest(p.rgb((int) (x * side), (int) (y * side)))).isEqualTo(color);
    }

    @Property(tries = 60)
    void outlineCentreShowsTheBackground(@ForAll NamedColor color, @ForAll NamedColor background,
                                         @ForAll ShapeKind shape) {
        SceneObject o = new SceneObject(0, shape, color, SizeClass.LARGE, Fill.OUTLINE, 0, 0.5, 0.5, null);
        Picture p = renderer.render(Scene.ofObjects(List.of(o), Backdrop.PLAIN_WHITE.withBackground(background)));
        assertThat(p.rgb(32, 32)).isEqualTo(background.rgb());
    }
}
