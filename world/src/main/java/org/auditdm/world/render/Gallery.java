package org.auditdm.world.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Picture;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;
import org.auditdm.world.scene.Texture;

/**
 * Example renderings for documentation and for eyeballing the renderer: one picture per scene kind,
 * a cluttered textured scene, photometric variants and a sheet of all glyphs, at 256 pixels.
 */
public final class Gallery {
    /** Side of gallery pictures. */
    public static final int SIDE = 256;

    private Gallery() {
    }

    /** The gallery's scenes by file stem, in a fixed order. */
    public static Map<String, Scene> scenes() {
        Map<String, Scene> m = new LinkedHashMap<>();
        Scene objects = objectScene();
        m.put("objects-labels-occlusion", objects);
        m.put("objects-all-shapes", allShapes());
        m.put("chart-8-bars", Scene.ofChart(new Chart(List.of(new Bar("A", 3), new Bar("B", 7), new Bar("C", 10),
                new Bar("D", 0), new Bar("E", 5), new Bar("F", 1), new Bar("G", 8), new Bar("H", 6)),
                NamedColor.BLUE), Backdrop.PLAIN_WHITE));
        m.put("chart-3-bars", Scene.ofChart(new Chart(List.of(new Bar("A", 4), new Bar("B", 9), new Bar("C", 2)),
                NamedColor.ORANGE), Backdrop.PLAIN_WHITE.withBackground(NamedColor.YELLOW)));
        m.put("sign-stop", Scene.ofSign(new Sign("STOP", NamedColor.WHITE, NamedColor.RED, TextSize.LARGE, 0, 0.5, 0.5),
                Backdrop.PLAIN_WHITE));
        m.put("sign-rotated-small", Scene.ofSign(new Sign("EXIT 12:30?", NamedColor.BLACK, NamedColor.YELLOW,
                TextSize.SMALL, -15, 0.5, 0.5), Backdrop.PLAIN_WHITE.withBackground(NamedColor.GRAY)));
        m.put("clock-3-40", Scene.ofClock(new Clock(3, 40, NamedColor.WHITE, NamedColor.BLACK), Backdrop.PLAIN_WHITE));
        m.put("clock-10-10", Scene.ofClock(new Clock(10, 10, NamedColor.YELLOW, NamedColor.BLUE),
                Backdrop.PLAIN_WHITE.withBackground(NamedColor.CYAN)));
        Backdrop busy = new Backdrop(NamedColor.WHITE, Texture.GRID, 25, 7, Photometric.NONE);
        m.put("objects-cluttered-grid", objects.withBackdrop(busy));
        m.put("objects-dots-gray", objects.withBackdrop(busy.withTexture(Texture.DOTS).withBackground(NamedColor.GRAY)));
        m.put("objects-gradient-black", objects.withBackdrop(busy.withTexture(Texture.GRADIENT)
                .withBackground(NamedColor.BLACK).withClutter(10)));
        Photometric base = new Photometric(0, 0, 1, 0, 0, 42);
        m.put("photometric-blur-1.5", objects.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(base.withBlur(1.5))));
        m.put("photometric-noise-0.1", objects.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(base.withNoise(0.1))));
        m.put("photometric-jpeg-10", objects.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(base.withJpegQuality(10))));
        m.put("photometric-contrast-0.4", objects.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(base.withContrast(0.4))));
        m.put("photometric-brightness-minus-0.3",
                objects.withBackdrop(Backdrop.PLAIN_WHITE.withPhotometric(base.withBrightness(-0.3))));
        return m;
    }

    private static Scene objectScene() {
        return Scene.ofObjects(List.of(
                new SceneObject(0, ShapeKind.CIRCLE, NamedColor.RED, SizeClass.LARGE, Fill.SOLID, 0, 0.3, 0.35, "A"),
                new SceneObject(1, ShapeKind.SQUARE, NamedColor.BLUE, SizeClass.LARGE, Fill.SOLID, 20, 0.42, 0.45, "B7"),
                new SceneObject(2, ShapeKind.STAR, NamedColor.YELLOW, SizeClass.MEDIUM, Fill.STRIPED, 0, 0.8, 0.42, null),
                new SceneObject(3, ShapeKind.TRIANGLE, NamedColor.GREEN, SizeClass.LARGE, Fill.OUTLINE, 0, 0.72, 0.7, "X"),
                new SceneObject(4, ShapeKind.HEXAGON, NamedColor.PURPLE, SizeClass.SMALL, Fill.SOLID, 0, 0.2, 0.78, null),
                new SceneObject(5, ShapeKind.CROSS, NamedColor.ORANGE, SizeClass.MEDIUM, Fill.STRIPED, 15, 0.45, 0.8, "9")),
                Backdrop.PLAIN_WHITE).withSign(new Sign("SALE", NamedColor.WHITE, NamedColor.GREEN, TextSize.MEDIUM,
                        0, 0.66, 0.13));
    }

    private static Scene allShapes() {
        ShapeKind[] shapes = ShapeKind.values();
        Fill[] fills = Fill.values();
        NamedColor[] colors = {NamedColor.RED, NamedColor.ORANGE, NamedColor.BLUE, NamedColor.GREEN,
            NamedColor.PURPLE, NamedColor.CYAN, NamedColor.BROWN, NamedColor.PINK, NamedColor.BLACK};
        List<SceneObject> list = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ShapeKind shape = shapes[i % shapes.length];
            list.add(new SceneObject(i, shape, colors[i], SizeClass.LARGE, fills[i % fills.length], 0,
                    0.18 + 0.32 * (i % 3), 0.18 + 0.32 * (i / 3), null));
        }
        return Scene.ofObjects(list, Backdrop.PLAIN_WHITE);
    }

    /** Every glyph of the stroke font on one sheet, to check that look-alikes differ. */
    public static Picture glyphSheet(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        String[] lines = {"ABCDEFGHI", "JKLMNOPQR", "STUVWXYZ", "0123456789", "! ? . : -", "O0 I1 S5 B8"};
        double h = side / 10.0;
        for (int i = 0; i < lines.length; i++) {
            StrokeFont.draw(g, lines[i], h * 0.5, h * 0.5 + i * h * 1.6, h);
        }
        g.dispose();
        return Picture.of(img);
    }

    /** Writes every gallery scene as {@code <stem>.png} at {@value #SIDE} pixels, plus {@code glyphs.png}. */
    public static void write(Path dir) {
        Renderer renderer = new Renderer();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Scene> e : scenes().entrySet()) {
                Files.write(dir.resolve(e.getKey() + ".png"), renderer.render(e.getValue(), SIDE).toPng());
            }
            Files.write(dir.resolve("glyphs.png"), glyphSheet(SIDE).toPng());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gallery to " + dir, e);
        }
    }

    /** Writes the gallery into the directory given as the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Gallery DIR");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }
}
