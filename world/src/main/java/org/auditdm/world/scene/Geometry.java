package org.auditdm.world.scene;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Where things are, in pixels, for an image of a given side. The renderer paints these outlines
 * and the oracle measures them (for example how much of an object is hidden), so both agree by
 * construction.
 */
public final class Geometry {
    /** Advance of one sign glyph, as a multiple of the cap height. */
    public static final double GLYPH_ADVANCE = 0.72;
    /** Width of one sign glyph, as a multiple of the cap height. */
    public static final double GLYPH_WIDTH = 0.56;

    private Geometry() {
    }

    /** The outline of an object, rotated and placed, in pixel coordinates. */
    public static Shape outline(SceneObject o, double side) {
        double r = o.size().radius() * side;
        Shape unit = unitShape(o.shape());
        AffineTransform t = new AffineTransform();
        t.translate(o.x() * side, o.y() * side);
        t.rotate(Math.toRadians(o.rotation()));
        t.scale(r, r);
        return t.createTransformedShape(unit);
    }

    /** The shape inside the unit circle, pointing up. */
    static Shape unitShape(ShapeKind kind) {
        return switch (kind) {
            case CIRCLE -> new Ellipse2D.Double(-1, -1, 2, 2);
            case SQUARE -> new Rectangle2D.Double(-0.78, -0.78, 1.56, 1.56);
            case TRIANGLE -> polygon(3, 1.0, -Math.PI / 2, 0.12);
            case PENTAGON -> polygon(5, 1.0, -Math.PI / 2, 0);
            case HEXAGON -> polygon(6, 1.0, 0, 0);
            case DIAMOND -> polygon(4, 1.0, -Math.PI / 2, 0, 0.72, 1.0);
            case STAR -> star();
            case CROSS -> cross();
        };
    }

    private static Shape polygon(int n, double r, double phase, double dy) {
        return polygon(n, r, phase, dy, 1.0, 1.0);
    }

    private static Shape polygon(int n, double r, double phase, double dy, double sx, double sy) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double a = phase + 2 * Math.PI * i / n;
            double x = sx * r * Math.cos(a);
            double y = sy * r * Math.sin(a) + dy;
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star() {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + Math.PI * i / 5;
            double r = i % 2 == 0 ? 1.0 : 0.42;
            double x = r * Math.cos(a);
            double y = r * Math.sin(a) + 0.08;
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private static Shape cross() {
        double a = 0.95;
        double b = 0.32;
        Area c = new Area(new Rectangle2D.Double(-a, -b, 2 * a, 2 * b));
        c.add(new Area(new Rectangle2D.Double(-b, -a, 2 * b, 2 * a)));
        return c;
    }

    /** Cap height of sign text in pixels. */
    public static double capHeight(Sign s, double side) {
        return s.textSize().height() * side;
    }

    /** The unrotated text box of a sign, centred at the origin. */
    public static Rectangle2D textBox(Sign s, double side) {
        double h = capHeight(s, side);
        double w = s.text().length() * GLYPH_ADVANCE * h - (GLYPH_ADVANCE - GLYPH_WIDTH) * h;
        return new Rectangle2D.Double(-w / 2, -h / 2, w, h);
    }

    /** The unrotated board of a sign, centred at the origin: the text box plus margins. */
    public static Rectangle2D boardBox(Sign s, double side) {
        Rectangle2D t = textBox(s, side);
        double h = capHeight(s, side);
        double mx = 0.45 * h;
        double my = 0.45 * h;
        return new Rectangle2D.Double(t.getX() - mx, t.getY() - my, t.getWidth() + 2 * mx, t.getHeight() + 2 * my);
    }

    /** Maps sign-local coordinates (centred, unrotated) to pixels. */
    public static AffineTransform signTransform(Sign s, double side) {
        AffineTransform t = new AffineTransform();
        t.translate(s.x() * side, s.y() * side);
        t.rotate(Math.toRadians(s.rotation()));
        return t;
    }

    /** The sign board in pixel coordinates. */
    public static Shape board(Sign s, double side) {
        return signTransform(s, side).createTransformedShape(boardBox(s, side));
    }

    /** The sign's text area in pixel coordinates. */
    public static Shape text(Sign s, double side) {
        return signTransform(s, side).createTransformedShape(textBox(s, side));
    }

    /** True when a shape lies fully inside the image. */
    public static boolean inside(Shape shape, double side) {
        return new Rectangle2D.Double(0, 0, side, side).contains(shape.getBounds2D());
    }

    /**
     * The fraction of an object's area that is visible: not covered by objects painted after it
     * nor by the sign (painted last), and inside the image.
     */
    public static double visibleFraction(Scene scene, SceneObject o, double side) {
        Area own = new Area(outline(o, side));
        double total = area(own);
        if (total <= 0) {
            return 0;
        }
        Area visible = new Area(own);
        visible.intersect(new Area(new Rectangle2D.Double(0, 0, side, side)));
        List<SceneObject> objects = scene.objects();
        boolean above = false;
        for (SceneObject other : objects) {
            if (above) {
                Shape s = outline(other, side);
                if (s.getBounds2D().intersects(visible.getBounds2D())) {
                    visible.subtract(new Area(s));
                }
            } else if (other.id() == o.id()) {
                above = true;
            }
        }
        if (scene.sign() != null) {
            visible.subtract(new Area(board(scene.sign(), side)));
        }
        return Math.max(0, Math.min(1, area(visible) / total));
    }

    /** Area of a shape in square pixels (flattened polygons; holes subtract). */
    public static double area(Shape s) {
        PathIterator it = s.getPathIterator(null, 0.05);
        double[] c = new double[6];
        double sum = 0;
        double sx = 0;
        double sy = 0;
        double px = 0;
        double py = 0;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            switch (type) {
                case PathIterator.SEG_MOVETO -> {
                    sx = px = c[0];
                    sy = py = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    sum += px * c[1] - c[0] * py;
                    px = c[0];
                    py = c[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    sum += px * sy - sx * py;
                    px = sx;
                    py = sy;
                }
                default -> throw new IllegalStateException("unflattened segment " + type);
            }
            it.next();
        }
        // Area's outer loops and holes wind in opposite directions; the signed sum accounts for both.
        return Math.abs(sum) / 2;
    }
}
