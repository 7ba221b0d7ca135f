package org.auditdm.audit.photo;

import java.util.List;
import java.util.Optional;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Region;
import org.auditdm.world.text.Lexicon;
import org.auditdm.world.text.ParseException;
import org.auditdm.world.text.Token;
import org.auditdm.world.text.Tokens;

/**
 * Parses one command of the photo-edit language (case-insensitive; a trailing '.' is allowed):
 *
 * <pre>
 * crop to the REGION                  keep two thirds of each side, anchored at a region (top left ... center ...)
 * crop to X Y W H                     keep a box given in percent of the width and height
 * rotate by N degrees                 N from -359 to 359, not 0 (positive: clockwise)
 * flip horizontally | flip vertically (also: mirror the image)
 * brighten | darken [by N percent]    default 30
 * increase | lower the contrast [by N percent]   default 50
 * blur [the image] [by N pixels]      radius 1 to 20, default 2
 * make the image grayscale            (also: grayscale, desaturate the image)
 * occlude the REGION [with COLOUR]    paint a third-of-the-image cell; default black
 * occlude X Y W H [with COLOUR]       paint a box given in percent
 * add noise [N]                       Gaussian noise, sigma 1 to 100 on a 0-255 scale, default 20
 * compress the image [to quality N]   JPEG round trip, quality 1 to 100, default 20
 * </pre>
 *
 * <p>REGION is one of the world's nine grid cells (top left, top, top right, left, center, right, bottom left,
 * bottom, bottom right); COLOUR one of its twelve named colours. Errors are {@link ParseException}s naming the
 * problem and its column.
 */
public final class PhotoEditParser {
    /** The verbs a command can start with, for error messages. */
    public static final List<String> VERBS = List.of("crop", "rotate", "flip", "mirror", "brighten", "darken",
            "increase", "raise", "lower", "reduce", "blur", "make", "grayscale", "desaturate", "occlude", "cover",
            "add", "compress");

    private PhotoEditParser() {
    }

    public static PhotoEdit parse(String text) {
        Tokens t = Tokens.of("photo edit", text);
        Token first = t.next();
        PhotoEdit edit;
        try {
            edit = switch (first.lower()) {
                case "crop" -> {
                    t.accept("to");
                    yield new PhotoEdit.Crop(box(t, true));
                }
                case "rotate" -> {
                    skipImage(t);
                    t.accept("by");
                    int n = signed(t, "a number of degrees");
                    if (!t.accept("degrees") && !t.accept("degree")) {
                        t.accept("deg");
                    }
                    if (t.accept("counterclockwise") || t.accept("anticlockwise")) {
                        n = -n;
                    } else {
                        t.accept("clockwise");
                    }
                    yield new PhotoEdit.Rotate(n);
                }
                case "flip", "mirror" -> {
                    skipImage(t);
                    if (t.accept("vertically") || t.accept("upside")) {
                        t.accept("down");
                        yield new PhotoEdit.Flip(false);
                    }
                    if (!t.accept("horizontally") && first.is("flip")) {
                        throw t.error("expected 'horizontally' or 'vertically'");
                    }
                    yield new PhotoEdit.Flip(true);
                }
                case "brighten", "darken" -> {
                    skipImage(t);
                    int n = percentOr(t, 30);
                    yield new PhotoEdit.Brightness(first.is("darken") ? -n : n);
                }
                case "increase", "raise", "lower", "reduce" -> {
                    t.accept("the");
                    t.expect("contrast");
                    int n = percentOr(t, 50);
                    yield new PhotoEdit.Contrast(first.is("lower") || first.is("reduce") ? -Math.min(n, 100) : n);
                }
                case "blur" -> {
                    skipImage(t);
                    int r = 2;
                    if (t.accept("by")) {
                        r = number(t, "a radius in pixels");
                        if (!t.accept("pixels")) {
                            t.accept("pixel");
                        }
                    }
                    yield new PhotoEdit.Blur(r);
                }
                case "make" -> {
                    skipImage(t);
                    if (!(t.accept("grayscale") || t.accept("greyscale") || t.accept("gray") || t.accept("grey")
                            || acceptBlackAndWhite(t))) {
                        throw t.error("expected 'grayscale' after 'make the image'");
                    }
                    yield new PhotoEdit.Grayscale();
                }
                case "grayscale", "greyscale", "desaturate" -> {
                    skipImage(t);
                    yield new PhotoEdit.Grayscale();
                }
                case "occlude", "cover" -> {
                    Box b = box(t, false);
                    NamedColor c = NamedColor.BLACK;
                    if (t.accept("with")) {
                        t.accept("a");
                        c = color(t);
                        if (!t.accept("box")) {
                            t.accept("patch");
                        }
                    }
                    yield new PhotoEdit.Occlude(b, c);
                }
                case "add" -> {
                    t.accept("some");
                    t.expect("noise");
                    int s = 20;
                    if (t.peek() != null && t.peek().isNumber()) {
                        s = number(t, "a noise level");
                    }
                    yield new PhotoEdit.Noise(s);
                }
                case "compress" -> {
                    skipImage(t);
                    int q = 20;
                    if (t.accept("to") || t.peek() != null && t.peek().is("quality")) {
                        t.accept("jpeg");
                        t.expect("quality");
                        q = number(t, "a JPEG quality");
                    }
                    yield new PhotoEdit.Jpeg(q);
                }
                default -> throw new ParseException("unknown photo edit '" + first.text() + "' (commands start with: "
                        + String.join(", ", VERBS) + ")", text, first.start());
            };
        } catch (ParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage(), text, first.start());
        }
        t.expectEnd();
        return edit;
    }

    private static boolean acceptBlackAndWhite(Tokens t) {
        return t.acceptAll("black", "and", "white");
    }

    private static void skipImage(Tokens t) {
        if (!t.acceptAll("the", "image") && !t.acceptAll("the", "photo") && !t.accept("it")) {
            t.accept("image");
        }
    }

    /** A region ("the top left") or a percent box ("10 20 50 40"). */
    private static Box box(Tokens t, boolean window) {
        Token at = t.peek();
        if (at != null && at.isNumber()) {
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                t.accept(",");
                Token n = t.peek();
                v[i] = number(t, "four percentages: x y width height");
                if (v[i] > 100) {
                    throw t.error("percentages must be at most 100, got " + v[i], n);
                }
            }
            t.accept("%");
            t.accept("percent");
            try {
                return Box.percent(v[0], v[1], v[2], v[3]);
            } catch (IllegalArgumentException e) {
                throw t.error(e.getMessage(), at);
            }
        }
        t.accept("the");
        Optional<Region> r = Lexicon.region(t);
        if (r.isEmpty()) {
            throw t.error("expected a region (top left, top, top right, left, center, right, bottom left, bottom, "
                    + "bottom right) or a box in percent (x y width height)");
        }
        t.accept("part");
        t.accept("corner");
        return window ? Box.window(r.get()) : Box.cell(r.get());
    }

    private static NamedColor color(Tokens t) {
        Token c = t.peek();
        if (c != null) {
            Optional<NamedColor> named = Lexicon.color(c.lower());
            if (named.isPresent()) {
                t.next();
                return named.get();
            }
        }
        throw t.error("expected a colour");
    }

    private static int percentOr(Tokens t, int dflt) {
        if (!t.accept("by")) {
            return dflt;
        }
        int n = number(t, "a percentage");
        if (!t.accept("percent")) {
            t.accept("%");
        }
        return n;
    }

    private static int signed(Tokens t, String what) {
        boolean negative = t.accept("-");
        if (!negative) {
            t.accept("+");
        }
        int n = number(t, what);
        return negative ? -n : n;
    }

    private static int number(Tokens t, String what) {
        Token n = t.peek();
        if (n == null || !n.isNumber()) {
            throw t.error("expected " + what);
        }
        if (n.lower().length() > 6) {
            throw t.error("number too large: " + n.text(), n);
        }
        t.next();
        return Integer.parseInt(n.lower());
    }
}
