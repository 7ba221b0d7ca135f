package org.auditdm.world.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.HashMap;
import java.util.Map;
import org.auditdm.world.scene.Geometry;

/**
 * The world's own vector font: A-Z, 0-9, space and {@code ! ? . : -} as strokes on a unit box
 * {@link Geometry#GLYPH_WIDTH} wide and 1 high (the cap height), y downwards. System fonts differ
 * between machines and would break byte-identical rendering; these glyphs do not.
 *
 * <p>Look-alike pairs are drawn apart on purpose: O is round, 0 narrower and slashed; I has bars,
 * 1 a flag; S is curved, 5 has a flat top and a corner; B has a straight back, 8 none.
 *
 * <p>Immutable and thread-safe: the glyph paths are built once and only read afterwards.
 */
public final class StrokeFont {
    /** Stroke width as a fraction of the cap height. */
    public static final double STROKE = 0.14;

    private static final Map<Character, Path2D> GLYPHS = buildGlyphs();

    private StrokeFont() {
    }

    /** True when {@code c} has a glyph (space included). */
    public static boolean supports(char c) {
        return GLYPHS.containsKey(c);
    }

    /** Width of {@code text} in pixels, as {@link Geometry#textBox} lays it out. */
    public static double width(String text, double capHeight) {
        if (text.isEmpty()) {
            return 0;
        }
        return text.length() * Geometry.GLYPH_ADVANCE * capHeight
                - (Geometry.GLYPH_ADVANCE - Geometry.GLYPH_WIDTH) * capHeight;
    }

    /** The stroke text of this cap height is drawn with: round caps and joins, at least 1 pixel. */
    public static Stroke stroke(double capHeight) {
        return new BasicStroke((float) Math.max(1.0, STROKE * capHeight), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND);
    }

    /**
     * Draws {@code text} with its top-left corner at (x, y) in the current colour and transform.
     *
     * @throws IllegalArgumentException for a character without a glyph
     */
    public static void draw(Graphics2D g, String text, double x, double y, double capHeight) {
        Stroke old = g.getStroke();
        g.setStroke(stroke(capHeight));
        g.draw(outline(text, x, y, capHeight));
        g.setStroke(old);
    }

    /** Draws {@code text} centred on (cx, cy). */
    public static void drawCentred(Graphics2D g, String text, double cx, double cy, double capHeight) {
        draw(g, text, cx - width(text, capHeight) / 2, cy - capHeight / 2, capHeight);
    }

    /** The centre lines of {@code text}'s strokes, top-left at (x, y), as one path. */
    public static Shape outline(String text, double x, double y, double capHeight) {
        Path2D.Double all = new Path2D.Double();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Path2D glyph = GLYPHS.get(c);
            if (glyph == null) {
                throw new IllegalArgumentException("the stroke font has no glyph for '" + c + "' in '" + text + "'");
            }
            AffineTransform t = new AffineTransform(capHeight, 0, 0, capHeight,
                    x + i * Geometry.GLYPH_ADVANCE * capHeight, y);
            all.append(glyph.getPathIterator(t), false);
        }
        return all;
    }

    private static Map<Character, Path2D> buildGlyphs() {
        Map<Character, String> d = new HashMap<>();
        d.put('A', "M0 1 L0.5 0 L1 1 M0.2 0.62 L0.8 0.62");
        d.put('B', "M0 0 L0 1 L0.6 1 C1.02 1 1.02 0.5 0.6 0.5 L0 0.5 M0.55 0.5 C0.92 0.5 0.92 0 0.55 0 L0 0");
        d.put('C', "A0.5 0.5 0.5 0.5 45 270");
        d.put('D', "M0 0 L0 1 L0.4 1 C1.05 1 1.05 0 0.4 0 Z");
        d.put('E', "M1 0 L0 0 L0 1 L1 1 M0 0.5 L0.75 0.5");
        d.put('F', "M1 0 L0 0 L0 1 M0 0.5 L0.75 0.5");
        d.put('G', "A0.5 0.5 0.5 0.5 45 280 L1 0.55 L0.55 0.55");
        d.put('H', "M0 0 L0 1 M1 0 L1 1 M0 0.5 L1 0.5");
        d.put('I', "M0.5 0 L0.5 1 M0.15 0 L0.85 0 M0.15 1 L0.85 1");
        d.put('J', "M0.35 0 L1 0 M1 0 L1 0.68 C1 1.1 0.05 1.1 0 0.7");
        d.put('K', "M0 0 L0 1 M1 0 L0 0.62 M0.32 0.4 L1 1");
        d.put('L', "M0 0 L0 1 L1 1");
        d.put('M', "M0 1 L0 0 L0.5 0.62 L1 0 L1 1");
        d.put('N', "M0 1 L0 0 L1 1 L1 0");
        d.put('O', "E0.5 0.5 0.5 0.5");
        d.put('P', "M0 1 L0 0 L0.58 0 C1.04 0 1.04 0.56 0.58 0.56 L0 0.56");
        d.put('Q', "E0.5 0.5 0.5 0.5 M0.58 0.66 L1.02 1.04");
        d.put('R', "M0 1 L0 0 L0.58 0 C1.04 0 1.04 0.56 0.58 0.56 L0 0.56 M0.45 0.56 L1 1");
        d.put('S', "M0.95 0.16 C0.8 -0.06 0.05 -0.06 0.05 0.26 C0.05 0.55 0.95 0.45 0.95 0.74 "
                + "C0.95 1.06 0.15 1.06 0.02 0.84");
        d.put('T', "M0 0 L1 0 M0.5 0 L0.5 1");
        d.put('U', "M0 0 L0 0.66 C0 1.12 1 1.12 1 0.66 L1 0");
        d.put('V', "M0 0 L0.5 1 L1 0");
        d.put('W', "M0 0 L0.22 1 L0.5 0.38 L0.78 1 L1 0");
        d.put('X', "M0 0 L1 1 M1 0 L0 1");
        d.put('Y', "M0 0 L0.5 0.52 L1 0 M0.5 0.52 L0.5 1");
        d.put('Z', "M0 0 L1 0 L0 1 L1 1");
        d.put('0', "E0.5 0.5 0.4 0.5 M0.8 0.12 L0.2 0.88");
        d.put('1', "M0.12 0.26 L0.62 0 L0.62 1");
        d.put('2', "M0.04 0.22 C0.16 -0.08 0.96 -0.06 0.96 0.28 C0.96 0.52 0.4 0.66 0 1 L1 1");
        d.put('3', "M0.04 0.1 C0.3 -0.06 0.94 -0.04 0.92 0.25 C0.9 0.44 0.62 0.47 0.38 0.47 "
                + "M0.38 0.47 C0.7 0.47 0.99 0.54 0.98 0.74 C0.96 1.06 0.24 1.06 0.02 0.88");
        d.put('4', "M0.75 1 L0.75 0 L0 0.7 L1 0.7");
        d.put('5', "M0.95 0 L0.12 0 L0.06 0.46 C0.4 0.32 0.98 0.36 0.98 0.68 C0.98 1.06 0.24 1.06 0.02 0.88");
        d.put('6', "E0.52 0.69 0.46 0.31 M0.06 0.69 C0.04 0.12 0.56 -0.1 0.9 0.1");
        d.put('7', "M0 0 L1 0 L0.35 1");
        d.put('8', "E0.5 0.25 0.38 0.25 E0.5 0.74 0.47 0.26");
        d.put('9', "E0.48 0.31 0.46 0.31 M0.94 0.31 C0.96 0.88 0.44 1.1 0.1 0.9");
        d.put(' ', "");
        d.put('!', "M0.5 0 L0.5 0.64 M0.5 0.9 L0.5 0.97");
        d.put('?', "M0.06 0.2 C0.18 -0.08 0.94 -0.08 0.92 0.25 C0.9 0.46 0.5 0.44 0.5 0.7 M0.5 0.9 L0.5 0.97");
        d.put('.', "M0.5 0.9 L0.5 0.97");
        d.put(':', "M0.5 0.27 L0.5 0.34 M0.5 0.9 L0.5 0.97");
        d.put('-', "M0.12 0.52 L0.88 0.52");
        Map<Character, Path2D> glyphs = new HashMap<>();
        d.forEach((c, spec) -> glyphs.put(c, parse(spec)));
        return Map.copyOf(glyphs);
    }

    /**
     * Parses a glyph in a tiny path language on a 1 x 1 box, then narrows it to the glyph width.
     * M/L/C/Z as in SVG (absolute); {@code E cx cy rx ry} a whole ellipse; {@code A cx cy rx ry start
     * extent} an arc in degrees, counter-clockwise, continuing the current path.
     */
    private static Path2D parse(String spec) {
        Path2D.Double p = new Path2D.Double();
        String[] t = spec.trim().isEmpty() ? new String[0] : spec.trim().split("\\s+");
        int i = 0;
        while (i < t.length) {
            char op = t[i].charAt(0);
            t[i] = t[i].substring(1);
            switch (op) {
                case 'M' -> p.moveTo(num(t[i]), num(t[i + 1]));
                case 'L' -> p.lineTo(num(t[i]), num(t[i + 1]));
                case 'C' -> p.curveTo(num(t[i]), num(t[i + 1]), num(t[i + 2]), num(t[i + 3]),
                        num(t[i + 4]), num(t[i + 5]));
                case 'Z' -> p.closePath();
                case 'E' -> p.append(new Ellipse2D.Double(num(t[i]) - num(t[i + 2]), num(t[i + 1]) - num(t[i + 3]),
                        2 * num(t[i + 2]), 2 * num(t[i + 3])), false);
                case 'A' -> p.append(new Arc2D.Double(num(t[i]) - num(t[i + 2]), num(t[i + 1]) - num(t[i + 3]),
                        2 * num(t[i + 2]), 2 * num(t[i + 3]), num(t[i + 4]), num(t[i + 5]), Arc2D.OPEN), false);
                default -> throw new IllegalStateException("bad glyph op " + op);
            }
            i += switch (op) {
                case 'M', 'L' -> 2;
                case 'C', 'A' -> 6;
                case 'E' -> 4;
                default -> 1;
            };
        }
        p.transform(AffineTransform.getScaleInstance(Geometry.GLYPH_WIDTH, 1));
        return p;
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }
}
