package org.auditdm.world.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.Sign;

/**
 * Paints scenes into pictures with Java2D: background and texture, clutter, objects in z-order,
 * the sign, chart or clock, then the scene's photometric perturbations.
 *
 * <p>Deterministic (the same scene and side give the same pixels, hence the same PNG bytes) and
 * thread-safe: it holds no mutable state, and every call draws into its own image. Text uses
 * {@link StrokeFont}, never a system font, so output does not depend on the machine's fonts.
 */
public final class Renderer {
    /** Side of rendered images unless asked otherwise, in pixels. */
    public static final int DEFAULT_SIDE = 64;

    private static final NamedColor[] NAMED = NamedColor.values();

    /** Renders at {@link #DEFAULT_SIDE}. */
    public Picture render(Scene scene) {
        return render(scene, DEFAULT_SIDE);
    }

    /**
     * Renders a square image of {@code side} pixels.
     *
     * @throws IllegalArgumentException when the side is outside the limits
     */
    public Picture render(Scene scene, int side) {
        Objects.requireNonNull(scene, "scene");
        Limits.checkImageSide(side);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Backdrop b = scene.backdrop();
            paintBackground(g, b, side);
            paintClutter(g, b, side);
            for (SceneObject o : scene.objects()) {
                paintObject(g, o, b.background(), side);
            }
            if (scene.sign() != null) {
                paintSign(g, scene.sign(), side);
            }
            if (scene.chart() != null) {
                paintChart(g, scene.chart(), b.background(), side);
            }
            if (scene.clock() != null) {
                paintClock(g, scene.clock(), side);
            }
        } finally {
            g.dispose();
        }
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        px = Perturbation.apply(px, side, scene.backdrop().photometric());
        return Picture.of(side, side, px);
    }

    // ---------------------------------------------------------------- backdrop

    private static void paintBackground(Graphics2D g, Backdrop b, int side) {
        Color bg = color(b.background());
        g.setColor(bg);
        g.fillRect(0, 0, side, side);
        // A tone a little away from the background: visible texture that never competes with objects.
        Color tone = b.background().luminance() > 0.5 ? shade(bg, 0.88) : tint(bg, 0.16);
        switch (b.texture()) {
            case PLAIN -> {
            }
            case GRID -> {
                g.setColor(tone);
                g.setStroke(new BasicStroke((float) Math.max(1.0, side / 128.0)));
                double step = side / 8.0;
                for (int i = 1; i < 8; i++) {
                    double p = Math.floor(i * step) + 0.5;
                    g.draw(new Line2D.Double(p, 0, p, side));
                    g.draw(new Line2D.Double(0, p, side, p));
                }
            }
            case DOTS -> {
                g.setColor(tone);
                double step = side / 10.0;
                double r = Math.max(0.6, side * 0.011);
                Path2D.Double dots = new Path2D.Double();
                for (int i = 0; i < 10; i++) {
                    for (int j = 0; j < 10; j++) {
                        dots.append(new Ellipse2D.Double((i + 0.5) * step - r, (j + 0.5) * step - r, 2 * r, 2 * r),
                                false);
                    }
                }
                g.fill(dots);
            }
            case GRADIENT -> {
                // Darker towards the bottom; a near-black background cannot get darker, so it lightens.
                Color end = b.background().luminance() < 0.2 ? tint(bg, 0.22) : shade(bg, 0.72);
                g.setPaint(new GradientPaint(0, 0, bg, 0, side, end));
                g.fillRect(0, 0, side, side);
            }
        }
    }

    /** Distractor marks: short segments and tiny dots, too small to pass for objects. */
    private static void paintClutter(Graphics2D g, Backdrop b, int side) {
        if (b.clutter() == 0) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(b.clutterSeed());
        double max = 0.025 * side;
        BasicStroke thin = new BasicStroke((float) Math.max(0.8, 0.008 * side), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND);
        g.setStroke(thin);
        for (int i = 0; i < b.clutter(); i++) {
            double x = rng.nextDouble() * side;
            double y = rng.nextDouble() * side;
            Color c;
            if (rng.nextBoolean()) {
                int v = 60 + rng.nextInt(150);
                c = new Color(v, v, v);
            } else {
                c = color(NAMED[rng.nextInt(NAMED.length)]);
            }
            g.setColor(c);
            if (rng.nextInt(5) < 3) {
                double a = rng.nextDouble() * Math.PI;
                double len = (0.5 + 0.5 * rng.nextDouble()) * max - thin.getLineWidth();
                double dx = Math.cos(a) * len / 2;
                double dy = Math.sin(a) * len / 2;
                g.draw(new Line2D.Double(x - dx, y - dy, x + dx, y + dy));
            } else {
                double r = (0.25 + 0.25 * rng.nextDouble()) * max;
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }
    }

    // ---------------------------------------------------------------- objects

    private static void paintObject(Graphics2D g, SceneObject o, NamedColor background, int side) {
        Shape shape = Geometry.outline(o, side);
        double r = o.size().radius() * side;
        Color c = color(o.color());
        double labelBackground;
        switch (o.fill()) {
            case SOLID -> {
                g.setColor(c);
                g.fill(shape);
                g.setColor(shade(c, 0.6));
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(shape);
                labelBackground = o.color().luminance();
            }
            case STRIPED -> {
                paintStripes(g, shape, r, c);
                labelBackground = (o.color().luminance() + NamedColor.WHITE.luminance()) / 2;
            }
            case OUTLINE -> {
                g.setColor(c);
                g.setStroke(new BasicStroke((float) Math.max(1.2, 0.14 * r), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.draw(shape);
                // An outline shows the backdrop inside, so the label contrasts with that instead.
                labelBackground = background.luminance();
            }
            default -> throw new IllegalStateException("unknown fill " + o.fill());
        }
        if (o.label() != null) {
            boolean dark = labelBackground > 0.5;
            g.setColor(dark ? color(NamedColor.BLACK) : color(NamedColor.WHITE));
            StrokeFont.drawCentred(g, o.label(), o.x() * side, o.y() * side, 0.9 * r);
        }
    }

    private static void paintStripes(Graphics2D g, Shape shape, double r, Color c) {
        g.setColor(color(NamedColor.WHITE));
        g.fill(shape);
        double period = Math.max(3.0, r / 2);
        Shape oldClip = g.getClip();
        g.clip(shape);
        g.setColor(c);
        g.setStroke(new BasicStroke((float) (period / 2), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        Rectangle2D bounds = shape.getBounds2D();
        double cx = bounds.getCenterX();
        double cy = bounds.getCenterY();
        double reach = Math.max(bounds.getWidth(), bounds.getHeight());
        // Stripes run from lower left to upper right; successive stripes step along (1, 1)/sqrt 2.
        double k = Math.sqrt(0.5);
        Path2D.Double stripes = new Path2D.Double();
        for (double t = -reach; t <= reach; t += period) {
            double mx = cx + t * k;
            double my = cy + t * k;
            stripes.moveTo(mx - reach * k, my + reach * k);
            stripes.lineTo(mx + reach * k, my - reach * k);
        }
        g.draw(stripes);
        g.setClip(oldClip);
        g.setStroke(new BasicStroke((float) Math.max(1.0, 0.08 * r), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    // ---------------------------------------------------------------- sign

    private static void paintSign(Graphics2D g, Sign s, int side) {
        Color board = color(s.boardColor());
        g.setColor(board);
        Shape shape = Geometry.board(s, side);
        g.fill(shape);
        double h = Geometry.capHeight(s, side);
        g.setColor(shade(board, 0.55));
        g.setStroke(new BasicStroke((float) Math.max(1.0, 0.06 * h), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        Rectangle2D box = Geometry.textBox(s, side);
        AffineTransform old = g.getTransform();
        g.transform(Geometry.signTransform(s, side));
        g.setColor(color(s.textColor()));
        StrokeFont.draw(g, s.text(), box.getX(), box.getY(), h);
        g.setTransform(old);
    }

    // ---------------------------------------------------------------- chart

    private static void paintChart(Graphics2D g, Chart chart, NamedColor background, int side) {
        ChartLayout layout = ChartLayout.of(chart.bars().size(), side);
        boolean darkBackground = background.luminance() < 0.5;
        Color ink = darkBackground ? color(NamedColor.WHITE) : color(NamedColor.BLACK);
        Color grid = darkBackground ? tint(color(background), 0.3) : shade(color(background), 0.8);
        g.setColor(grid);
        g.setStroke(new BasicStroke((float) Math.max(0.6, side / 160.0)));
        for (int v = 1; v <= Limits.MAX_BAR_VALUE; v++) {
            double y = layout.y(v);
            g.draw(new Line2D.Double(layout.left(), y, layout.right(), y));
        }
        Color barColor = color(chart.barColor());
        Color barEdge = shade(barColor, 0.6);
        BasicStroke edge = new BasicStroke((float) Math.max(0.6, side / 200.0));
        List<Bar> bars = chart.bars();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x0 = layout.barLeft(i);
            double top = layout.y(b.value());
            if (b.value() > 0) {
                Rectangle2D rect = new Rectangle2D.Double(x0, top, layout.barWidth(), layout.y(0) - top);
                g.setColor(barColor);
                g.fill(rect);
                g.setColor(barEdge);
                g.setStroke(edge);
                g.draw(rect);
            }
            g.setColor(ink);
            StrokeFont.drawCentred(g, b.label(), x0 + layout.barWidth() / 2, layout.labelCentreY(),
                    layout.labelHeight());
        }
        g.setColor(ink);
        g.setStroke(new BasicStroke((float) Math.max(1.0, side / 100.0), BasicStroke.CAP_SQUARE,
                BasicStroke.JOIN_MITER));
        Path2D.Double axes = new Path2D.Double();
        axes.moveTo(layout.left(), layout.y(Limits.MAX_BAR_VALUE) - layout.unit() * 0.4);
        axes.lineTo(layout.left(), layout.y(0));
        axes.lineTo(layout.right(), layout.y(0));
        g.draw(axes);
        double th = layout.tickHeight();
        if (th >= 6) {
            for (int v = 0; v <= Limits.MAX_BAR_VALUE; v += 5) {
                String label = Integer.toString(v);
                double w = StrokeFont.width(label, th);
                StrokeFont.draw(g, label, layout.left() - 0.35 * th - w - StrokeFont.STROKE * th, layout.y(v) - th / 2,
                        th);
            }
        }
    }

    /** Where the chart's parts go, as fractions of the side, so the look is the same at every size. */
    private record ChartLayout(int bars, double side) {
        static ChartLayout of(int bars, int side) {
            return new ChartLayout(bars, side);
        }

        double left() {
            return 0.12 * side;
        }

        double right() {
            return 0.96 * side;
        }

        /** Pixel row of bar value {@code v}. */
        double y(double v) {
            return 0.80 * side - v * unit();
        }

        double unit() {
            return 0.072 * side;
        }

        double slot() {
            return (right() - left()) / bars;
        }

        double barWidth() {
            return 0.62 * slot();
        }

        double barLeft(int i) {
            return left() + i * slot() + (slot() - barWidth()) / 2;
        }

        double labelHeight() {
            // Fits under the bar and within its slot even with eight bars.
            return Math.min(0.09 * side, 0.6 * slot() / Geometry.GLYPH_WIDTH);
        }

        double labelCentreY() {
            return y(0) + 0.04 * side + labelHeight() / 2 + 0.5;
        }

        double tickHeight() {
            return 0.04 * side;
        }
    }

    // ---------------------------------------------------------------- clock

    private static void paintClock(Graphics2D g, Clock clock, int side) {
        double cx = side / 2.0;
        double cy = side / 2.0;
        double r = 0.42 * side;
        Ellipse2D face = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(color(clock.faceColor()));
        g.fill(face);
        Color rim = new Color(0x282828);
        g.setColor(rim);
        g.setStroke(new BasicStroke((float) Math.max(1.0, 0.045 * side)));
        g.draw(face);
        Path2D.Double minor = new Path2D.Double();
        Path2D.Double major = new Path2D.Double();
        for (int i = 0; i < 12; i++) {
            double a = Math.toRadians(30 * i);
            boolean quarter = i % 3 == 0;
            double inner = quarter ? 0.70 * r : 0.82 * r;
            double outer = 0.93 * r;
            Path2D.Double p = quarter ? major : minor;
            p.moveTo(cx + inner * Math.sin(a), cy - inner * Math.cos(a));
            p.lineTo(cx + outer * Math.sin(a), cy - outer * Math.cos(a));
        }
        g.setStroke(new BasicStroke((float) Math.max(1.0, 0.025 * side), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(minor);
        g.setStroke(new BasicStroke((float) Math.max(1.2, 0.04 * side), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(major);
        Color hands = color(clock.handColor());
        g.setColor(hands);
        double hourAngle = Math.toRadians(30 * ((clock.hour() % 12) + clock.minute() / 60.0));
        double minuteAngle = Math.toRadians(6 * clock.minute());
        hand(g, cx, cy, hourAngle, 0.50 * r, Math.max(1.6, 0.075 * side));
        hand(g, cx, cy, minuteAngle, 0.84 * r, Math.max(1.0, 0.032 * side));
        double d = Math.max(1.2, 0.045 * side);
        g.fill(new Ellipse2D.Double(cx - d, cy - d, 2 * d, 2 * d));
    }

    private static void hand(Graphics2D g, double cx, double cy, double angle, double length, double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx, cy, cx + length * Math.sin(angle), cy - length * Math.cos(angle)));
    }

    // ---------------------------------------------------------------- colours

    static Color color(NamedColor c) {
        return new Color(c.rgb());
    }

    /** {@code c} scaled towards black by {@code f} (1 keeps it). */
    static Color shade(Color c, double f) {
        return new Color((int) Math.round(c.getRed() * f), (int) Math.round(c.getGreen() * f),
                (int) Math.round(c.getBlue() * f));
    }

    /** {@code c} moved towards white by {@code f} (0 keeps it). */
    static Color tint(Color c, double f) {
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * f),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * f),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * f));
    }
}
