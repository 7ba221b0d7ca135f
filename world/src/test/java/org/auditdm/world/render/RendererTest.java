package org.auditdm.world.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.auditdm.world.render.Scenes.distance;
import static org.auditdm.world.render.Scenes.object;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.auditdm.api.Picture;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.TextSize;
import org.auditdm.world.scene.Texture;
import org.junit.jupiter.api.Test;

class RendererTest {
    private final Renderer renderer = new Renderer();

    private static List<Scene> sampled(int n, long seed) {
        SceneSampler sampler = new SceneSampler(WorldPrior.TRAINING);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Scene> scenes = new ArrayList<>();
        for (SceneKind k : SceneKind.values()) {
            scenes.add(sampler.sample(k, rng));
        }
        while (scenes.size() < n) {
            scenes.add(sampler.sample(rng));
        }
        return scenes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void sameSceneGivesIdenticalPngBytesAgainAndFromAFreshRenderer() throws Exception {
        for (Scene s : sampled(40, 11)) {
            byte[] a = renderer.render(s).toPng();
            byte[] b = renderer.render(s).toPng();
            byte[] c = new Renderer().render(s).toPng();
            assertThat(b).isEqualTo(a);
            assertThat(c).isEqualTo(a);
            assertThat(sha256(c)).isEqualTo(sha256(a));
            assertThat(new Renderer().render(s).sha256()).isEqualTo(renderer.render(s).sha256());
        }
    }

    @Test
    void renderingInParallelGivesTheSamePixelsAsSequentially() {
        List<Scene> scenes = sampled(300, 12);
        List<String> sequential = scenes.stream().map(s -> renderer.render(s).sha256()).toList();
        List<String> parallel = IntStream.range(0, scenes.size()).parallel()
                .mapToObj(i -> new Renderer().render(scenes.get(i)).sha256()).toList();
        assertThat(parallel).isEqualTo(sequential);
    }

    @Test
    void differentScenesGiveDifferentPictures() {
        Set<String> hashes = new HashSet<>();
        List<Scene> scenes = sampled(100, 13);
        for (Scene s : scenes) {
            hashes.add(renderer.render(s).sha256());
        }
        assertThat(hashes).hasSize(new HashSet<>(scenes).size());
    }

    @Test
    void defaultSideIs64AndOtherSidesAreSquare() {
        Scene s = sampled(1, 14).get(0);
        assertThat(renderer.render(s).width()).isEqualTo(Renderer.DEFAULT_SIDE).isEqualTo(64);
        Picture p = renderer.render(s, 100);
        assertThat(p.width()).isEqualTo(100);
        assertThat(p.height()).isEqualTo(100);
    }

    @Test
    void invalidSideIsAClearError() {
        Scene s = Scenes.of();
        assertThatThrownBy(() -> renderer.render(s, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image size 8").hasMessageContaining("16");
        assertThatThrownBy(() -> renderer.render(s, 5000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image size 5000");
    }

    @Test
    void largeSolidRedCircleShowsRedAtItsCentreAndWhiteFarAway() {
        Picture p = renderer.render(Scenes.of(object(0, ShapeKind.CIRCLE, NamedColor.RED, Fill.SOLID, 0.3, 0.7)));
        assertThat(distance(p.rgb(19, 44), NamedColor.RED.rgb())).isLessThanOrEqualTo(3);
        assertThat(p.rgb(55, 8)).isEqualTo(NamedColor.WHITE.rgb());
        assertThat(p.rgb(19, 20)).isEqualTo(NamedColor.WHITE.rgb());
    }

    @Test
    void solidColoursLandWhereTheObjectIs() {
        record Case(NamedColor color, ShapeKind shape, double x, double y) {
        }
        for (Case c : List.of(new Case(NamedColor.BLUE, ShapeKind.SQUARE, 0.8, 0.2),
                new Case(NamedColor.GREEN, ShapeKind.HEXAGON, 0.5, 0.5),
                new Case(NamedColor.BLACK, ShapeKind.PENTAGON, 0.2, 0.25),
                new Case(NamedColor.PURPLE, ShapeKind.DIAMOND, 0.7, 0.8))) {
            for (int side : new int[] {64, 200}) {
                Picture p = renderer.render(Scenes.of(object(0, c.shape(), c.color(), Fill.SOLID, c.x(), c.y())), side);
                int cx = (int) (c.x() * side);
                int cy = (int) (c.y() * side);
                assertThat(distance(p.rgb(cx, cy), c.color().rgb())).as("%s at %d px", c, side).isLessThanOrEqualTo(3);
                int fx = (int) ((c.x() < 0.5 ? 0.95 : 0.05) * side);
                int fy = (int) ((c.y() < 0.5 ? 0.95 : 0.05) * side);
                assertThat(p.rgb(fx, fy)).as("%s far pixel", c).isEqualTo(NamedColor.WHITE.rgb());
            }
        }
    }

    @Test
    void outlineLeavesTheBackgroundAtTheCentreButPaintsTheEdge() {
        Scene s = Scene.ofObjects(List.of(object(0, ShapeKind.CIRCLE, NamedColor.BLUE, Fill.OUTLINE, 0.5, 0.5)),
                Backdrop.PLAIN_WHITE.withBackground(NamedColor.YELLOW));
        Picture p = renderer.render(s);
        assertThat(p.rgb(32, 32)).isEqualTo(NamedColor.YELLOW.rgb());
        double r = 0.13 * 64;
        // The ring passes through (32 + r, 32); the pixel containing it is mostly blue.
        assertThat(Scenes.nearest(p.rgb((int) (32 + r), 32))).isEqualTo(NamedColor.BLUE);
    }

    @Test
    void stripedObjectsShowBothTheirColourAndWhite() {
        Picture p = renderer.render(Scene.ofObjects(List.of(object(0, ShapeKind.SQUARE, NamedColor.BLUE, Fill.STRIPED,
                0.5, 0.5)), Backdrop.PLAIN_WHITE.withBackground(NamedColor.GRAY)), 128);
        int blue = 0;
        int white = 0;
        for (int y = 54; y < 74; y++) {
            for (int x = 54; x < 74; x++) {
                int c = p.rgb(x, y);
                blue += distance(c, NamedColor.BLUE.rgb()) < 10 ? 1 : 0;
                white += distance(c, NamedColor.WHITE.rgb()) < 10 ? 1 : 0;
            }
        }
        assertThat(blue).isGreaterThan(100);
        assertThat(white).isGreaterThan(100);
    }

    @Test
    void everyShapeKindRendersADifferentMask() {
        List<boolean[]> masks = new ArrayList<>();
        for (ShapeKind k : ShapeKind.values()) {
            Picture p = renderer.render(Scenes.of(object(0, k, NamedColor.BLACK, Fill.SOLID, 0.5, 0.5)));
            boolean[] mask = new boolean[64 * 64];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = distance(p.rgb(i % 64, i / 64), NamedColor.WHITE.rgb()) > 120;
            }
            masks.add(mask);
        }
        for (int a = 0; a < masks.size(); a++) {
            for (int b = a + 1; b < masks.size(); b++) {
                int diff = 0;
                for (int i = 0; i < 64 * 64; i++) {
                    diff += masks.get(a)[i] != masks.get(b)[i] ? 1 : 0;
                }
                assertThat(diff).as("%s vs %s", ShapeKind.values()[a], ShapeKind.values()[b]).isGreaterThan(8);
            }
        }
    }

    @Test
    void laterObjectsOccludeEarlierOnes() {
        SceneObject red = object(0, ShapeKind.SQUARE, NamedColor.RED, Fill.SOLID, 0.5, 0.5);
        SceneObject blue = object(1, ShapeKind.CIRCLE, NamedColor.BLUE, Fill.SOLID, 0.55, 0.5);
        assertThat(Scenes.nearest(renderer.render(Scenes.of(red, blue)).rgb(34, 32))).isEqualTo(NamedColor.BLUE);
        assertThat(Scenes.nearest(renderer.render(Scenes.of(blue, red)).rgb(34, 32))).isEqualTo(NamedColor.RED);
    }

    @Test
    void labelsArePaintedInAContrastingColour() {
        SceneObject black = object(0, ShapeKind.CIRCLE, NamedColor.BLACK, Fill.SOLID, 0.5, 0.5);
        SceneObject yellow = object(0, ShapeKind.CIRCLE, NamedColor.YELLOW, Fill.SOLID, 0.5, 0.5);
        Picture plain = renderer.render(Scenes.of(black), 256);
        Picture labelled = renderer.render(Scenes.of(black.withLabel("8")), 256);
        assertThat(labelled).isNotEqualTo(plain);
        assertThat(countNear(labelled, NamedColor.WHITE.rgb(), 96, 160) - countNear(plain, NamedColor.WHITE.rgb(), 96, 160))
                .isGreaterThan(50);
        Picture yl = renderer.render(Scenes.of(yellow.withLabel("8")), 256);
        assertThat(countNear(yl, NamedColor.BLACK.rgb(), 96, 160)).isGreaterThan(50);
    }

    private static int countNear(Picture p, int rgb, int from, int to) {
        int n = 0;
        for (int y = from; y < to; y++) {
            for (int x = from; x < to; x++) {
                n += distance(p.rgb(x, y), rgb) < 40 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void signTextChangesThePixelsAndStaysOnTheBoard() {
        Sign stop = new Sign("STOP", NamedColor.WHITE, NamedColor.RED, TextSize.LARGE, 0, 0.5, 0.5);
        Picture a = renderer.render(Scene.ofSign(stop, Backdrop.PLAIN_WHITE), 128);
        Picture b = renderer.render(Scene.ofSign(stop.withText("SLOW"), Backdrop.PLAIN_WHITE), 128);
        Picture c = renderer.render(Scene.ofSign(stop.withText("STOP!"), Backdrop.PLAIN_WHITE), 128);
        assertThat(b).isNotEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        // Text pixels (white inside the board area) exist only within the text box plus the stroke.
        var box = Geometry.textBox(stop, 128);
        double pad = StrokeFont.STROKE * Geometry.capHeight(stop, 128);
        int inked = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                boolean onBoard = Geometry.board(stop, 128).contains(x + 0.5, y + 0.5);
                if (onBoard && distance(a.rgb(x, y), NamedColor.WHITE.rgb()) < 60) {
                    inked++;
                    double lx = x + 0.5 - 64;
                    double ly = y + 0.5 - 64;
                    assertThat(lx).isBetween(box.getMinX() - pad, box.getMaxX() + pad);
                    assertThat(ly).isBetween(box.getMinY() - pad, box.getMaxY() + pad);
                }
            }
        }
        assertThat(inked).isGreaterThan(100);
        assertThat(Scenes.nearest(a.rgb(64, (int) (64 + box.getMaxY() + 0.3 * pad / StrokeFont.STROKE))))
                .isEqualTo(NamedColor.RED);
    }

    @Test
    void rotatedSignDiffersFromUpright() {
        Sign s = new Sign("EXIT", NamedColor.BLACK, NamedColor.YELLOW, TextSize.MEDIUM, 0, 0.5, 0.5);
        Sign r = new Sign("EXIT", NamedColor.BLACK, NamedColor.YELLOW, TextSize.MEDIUM, 20, 0.5, 0.5);
        assertThat(renderer.render(Scene.ofSign(r, Backdrop.PLAIN_WHITE)))
                .isNotEqualTo(renderer.render(Scene.ofSign(s, Backdrop.PLAIN_WHITE)));
    }

    @Test
    void eachPhotometricPerturbationChangesTheImageAndNoneDoesNot() {
        Scene base = Scenes.of(object(0, ShapeKind.STAR, NamedColor.BLUE, Fill.SOLID, 0.4, 0.4),
                object(1, ShapeKind.SQUARE, NamedColor.ORANGE, Fill.STRIPED, 0.7, 0.7));
        Picture clean = renderer.render(base);
        Photometric p = new Photometric(0, 0, 1, 0, 0, 5);
        assertThat(renderer.render(base.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(p)))).isEqualTo(clean);
        for (Photometric q : List.of(p.withBlur(1), p.withNoise(0.05), p.withContrast(0.5), p.withContrast(1.5),
                p.withBrightness(0.2), p.withBrightness(-0.2), p.withJpegQuality(20), p.withJpegQuality(95))) {
            Scene s = base.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(q));
            Picture once = renderer.render(s);
            assertThat(once).as("%s", q).isNotEqualTo(clean);
            assertThat(renderer.render(s)).as("deterministic %s", q).isEqualTo(once);
        }
    }

    @Test
    void noiseDependsOnItsSeed() {
        Scene base = Scenes.of(object(0, ShapeKind.CIRCLE, NamedColor.GREEN, Fill.SOLID, 0.5, 0.5));
        Photometric p = new Photometric(0, 0.1, 1, 0, 0, 1);
        Picture a = renderer.render(base.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(p)));
        Picture b = renderer.render(base.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(
                new Photometric(0, 0.1, 1, 0, 0, 2))));
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void contrastPullsTowardsMidGrayAndBrightnessShifts() {
        Scene s = Scenes.of(object(0, ShapeKind.SQUARE, NamedColor.BLACK, Fill.SOLID, 0.5, 0.5));
        Photometric none = new Photometric(0, 0, 1, 0, 0, 0);
        Picture low = renderer.render(s.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(none.withContrast(0.5))));
        // White 245 -> (245/255 - 0.5) * 0.5 + 0.5 = 0.730 -> 186; black 25 -> 0.299 -> 76.
        assertThat(Scenes.rgb(low.rgb(2, 2))[0]).isBetween(185, 187);
        assertThat(Scenes.rgb(low.rgb(32, 32))[0]).isBetween(75, 77);
        Picture dark = renderer.render(s.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(none.withBrightness(-0.5))));
        assertThat(Scenes.rgb(dark.rgb(2, 2))[0]).isBetween(117, 118);
        assertThat(Scenes.rgb(dark.rgb(32, 32))[0]).isZero();
    }

    @Test
    void blurStrengthIsRelativeToA64PixelImage() {
        // The same scene blurred at 64 and at 128 pixels: edge widths scale with the image,
        // so the fraction of intermediate (edge) pixels stays about the same.
        Scene s = Scenes.of(object(0, ShapeKind.SQUARE, NamedColor.BLACK, Fill.SOLID, 0.5, 0.5))
                .withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(new Photometric(2, 0, 1, 0, 0, 0)));
        double f64 = intermediateFraction(renderer.render(s, 64));
        double f128 = intermediateFraction(renderer.render(s, 128));
        assertThat(f128).isCloseTo(f64, org.assertj.core.data.Offset.offset(0.02));
        assertThat(f64).isGreaterThan(0.05);
    }

    private static double intermediateFraction(Picture p) {
        int n = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                int v = Scenes.rgb(p.rgb(x, y))[0];
                n += v > 40 && v < 230 ? 1 : 0;
            }
        }
        return n / (double) (p.width() * p.height());
    }

    @Test
    void clockHandsShowTheTime() {
        Picture three = renderer.render(Scene.ofClock(new Clock(3, 0, NamedColor.WHITE, NamedColor.RED),
                Backdrop.PLAIN_WHITE), 128);
        Picture nine = renderer.render(Scene.ofClock(new Clock(9, 0, NamedColor.WHITE, NamedColor.RED),
                Backdrop.PLAIN_WHITE), 128);
        assertThat(nine).isNotEqualTo(three);
        // At 3:00 the hour hand points right and the minute hand up; at 9:00 the hour hand points left.
        assertThat(Scenes.nearest(three.rgb(64 + 14, 64))).isEqualTo(NamedColor.RED);
        assertThat(Scenes.nearest(three.rgb(64 - 14, 64))).isEqualTo(NamedColor.WHITE);
        assertThat(Scenes.nearest(three.rgb(64, 64 - 30))).isEqualTo(NamedColor.RED);
        assertThat(Scenes.nearest(nine.rgb(64 - 14, 64))).isEqualTo(NamedColor.RED);
        assertThat(Scenes.nearest(nine.rgb(64 + 14, 64))).isEqualTo(NamedColor.WHITE);
    }

    @Test
    void hourHandMovesWithTheMinutes() {
        Picture at300 = renderer.render(Scene.ofClock(new Clock(3, 0, NamedColor.WHITE, NamedColor.BLACK),
                Backdrop.PLAIN_WHITE), 128);
        Picture at330 = renderer.render(Scene.ofClock(new Clock(3, 30, NamedColor.WHITE, NamedColor.BLACK),
                Backdrop.PLAIN_WHITE), 128);
        // Half past three: the hour hand sits halfway to four (105 degrees), so just below the 3 o'clock line.
        double a = Math.toRadians(105);
        int x = (int) (64 + 20 * Math.sin(a));
        int y = (int) (64 - 20 * Math.cos(a));
        assertThat(Scenes.nearest(at330.rgb(x, y))).isEqualTo(NamedColor.BLACK);
        assertThat(Scenes.nearest(at300.rgb(x, y + 3))).isEqualTo(NamedColor.WHITE);
    }

    @Test
    void chartWithEightBarsRendersBarHeights() {
        List<Bar> bars = new ArrayList<>();
        int[] values = {10, 0, 5, 3, 8, 1, 7, 2};
        for (int i = 0; i < 8; i++) {
            bars.add(new Bar(String.valueOf((char) ('A' + i)), values[i]));
        }
        int side = 64;
        Picture p = renderer.render(Scene.ofChart(new Chart(bars, NamedColor.BLUE), Backdrop.PLAIN_WHITE), side);
        double slot = (0.96 - 0.12) * side / 8;
        for (int i = 0; i < 8; i++) {
            int x = (int) (0.12 * side + (i + 0.5) * slot);
            if (values[i] > 0) {
                int inside = (int) (0.80 * side - (values[i] - 0.5) * 0.072 * side);
                assertThat(Scenes.nearest(p.rgb(x, inside))).as("bar %d inside", i).isEqualTo(NamedColor.BLUE);
            }
            if (values[i] < 10) {
                int above = (int) (0.80 * side - (values[i] + 0.6) * 0.072 * side);
                assertThat(Scenes.nearest(p.rgb(x, above))).as("bar %d above", i).isNotEqualTo(NamedColor.BLUE);
            }
        }
        // Label letters under the bars: dark ink in the label band.
        int ink = 0;
        for (int y = (int) (0.82 * side); y < side; y++) {
            for (int x = 0; x < side; x++) {
                ink += Scenes.rgb(p.rgb(x, y))[0] < 100 ? 1 : 0;
            }
        }
        assertThat(ink).isGreaterThan(40);
    }

    @Test
    void texturesAndClutterChangeTheBackgroundButLeaveObjectsClear() {
        SceneObject o = object(0, ShapeKind.CIRCLE, NamedColor.RED, Fill.SOLID, 0.5, 0.5);
        Picture plain = renderer.render(Scenes.of(o));
        for (Texture t : new Texture[] {Texture.GRID, Texture.DOTS, Texture.GRADIENT}) {
            Picture p = renderer.render(Scene.ofObjects(List.of(o), Backdrop.PLAIN_WHITE.withTexture(t)));
            assertThat(p).as("%s", t).isNotEqualTo(plain);
            assertThat(distance(p.rgb(32, 32), NamedColor.RED.rgb())).isLessThanOrEqualTo(3);
        }
        Picture cluttered = renderer.render(Scene.ofObjects(List.of(o),
                new Backdrop(NamedColor.WHITE, Texture.PLAIN, 30, 99, Photometric.NONE)));
        assertThat(cluttered).isNotEqualTo(plain);
        int changed = 0;
        for (int i = 0; i < 64 * 64; i++) {
            changed += plain.rgb(i % 64, i / 64) != cluttered.rgb(i % 64, i / 64) ? 1 : 0;
        }
        // 30 marks of at most 0.025 * side each touch only a small part of the image.
        assertThat(changed).isBetween(30, 400);
        Picture reseeded = renderer.render(Scene.ofObjects(List.of(o),
                new Backdrop(NamedColor.WHITE, Texture.PLAIN, 30, 100, Photometric.NONE)));
        assertThat(reseeded).isNotEqualTo(cluttered);
    }
}
