package org.auditdm.world.caption;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.auditdm.world.sample.Draw;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Photometric;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.TextSize;
import org.auditdm.world.scene.Texture;
import org.auditdm.world.text.Lexicon;
import org.auditdm.world.text.NounPhrase;
import org.auditdm.world.text.ParseException;
import org.auditdm.world.text.Token;
import org.auditdm.world.text.Tokens;

/**
 * Turns a caption into a scene: the regeneration path of the world.
 *
 * <p>A caption is a list of clauses separated by ';' or '.', each a list of items separated by ','
 * or 'and'. An item is a group of objects ("three small red circles at the top left"), a sign, a
 * bar chart, a clock, or a backdrop phrase ("on a gray background", "blurred"). What the caption
 * says is kept exactly; what it leaves open (positions inside a region, rotation, unnamed colours,
 * sizes, fills and shapes) is drawn from {@code new SplittableRandom(seed)} with the uniform prior.
 * An unmentioned backdrop is plain white and unperturbed, so that a caption's silence never adds
 * blur or clutter. Same caption and seed, same scene.
 *
 * <p>Grammar (see also {@link CaptionWriter}, which writes the canonical form):
 * <pre>
 * caption  = clause { (";" | ".") clause } ;
 * clause   = item { ("," ["and"] | "and") item } ;
 * item     = group | sign | chart | clock | backdrop | "an empty scene" | "nothing" ;
 * group    = count nounphrase [ ("labelled" | "labeled") text ] [ place ] ;
 * count    = "a" | "an" | "one" .. "twelve" | 1 .. 12 ;
 * place    = ("at" | "in" | "on") ["the"] region ;          (applies to its own group)
 * sign     = article [size] [colour] "sign" ("reading" | "saying") text
 *            [ "in" colour ("letters" | "text") ] [ place ] ;
 * chart    = article [colour] ["bar"] "chart" ("with" | "where" | "showing") bar { ("," ["and"] | "and") bar } ;
 * bar      = letter ("=" | "is" | ":") number ;                (2-8 bars, values 0-10)
 * clock    = article [colour] "clock" [ "with" colour "hands" ] ("showing" | "reading" | "at") time ;
 * backdrop = ("on" | "against") [article] colour ("background" | "backdrop")
 *          | "with" [article] ("grid" | "dots" | "dotted" | "gradient") ("texture" | "background")
 *          | "with" ["some"] "clutter" | "cluttered" | "blurred" | "blurry" | "noisy" | "dark"
 *          | "bright" | "low" "contrast" | "high" "contrast" | "compressed" ;
 * text     = WORD | NUMBER | '"' chars '"' ;
 * </pre>
 */
public final class CaptionParser {
    private static final List<String> KEYWORDS = List.of("a", "an", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "sign", "clock", "chart", "bar", "background",
            "with", "on", "at", "in", "and", "reading", "showing", "labelled", "clutter", "cluttered",
            "blurred", "blurry", "noisy", "dark", "bright", "low", "high", "contrast", "compressed", "texture",
            "grid", "dots", "dotted", "gradient", "hands", "letters", "empty", "scene", "nothing", "where", "left",
            "right", "top", "bottom", "center", "middle");
    private static final NamedColor[] CHART_COLORS = {NamedColor.BLUE, NamedColor.RED, NamedColor.GREEN,
        NamedColor.ORANGE, NamedColor.PURPLE, NamedColor.GRAY, NamedColor.BLACK};

    /** The preferred sign spot plus a 5 x 3 grid of alternatives. */
    private static final int SIGN_SPOTS = 16;

    private record Group(int count, ObjectFilter filter, String label, Region region, Token at) {
    }

    private record SignSpec(String text, TextSize size, NamedColor board, NamedColor ink, Region region,
                            Token at) {
    }

    private record ClockSpec(int hour, int minute, NamedColor face, NamedColor hands) {
    }

    private final Tokens t;
    private final List<Group> groups = new ArrayList<>();
    private int objectCount;
    private SignSpec sign;
    private Chart chartBars;
    private NamedColor chartColor;
    private ClockSpec clock;
    private Token contentAt;
    private NamedColor background;
    private Texture texture;
    private boolean clutter;
    private boolean blurred;
    private boolean noisy;
    private Boolean dark;
    private Boolean lowContrast;
    private boolean compressed;

    private CaptionParser(String caption) {
        this.t = Tokens.of("caption", caption, Limits.MAX_CAPTION_LENGTH);
    }

    /**
     * Parses a caption into a scene.
     *
     * @throws ParseException naming the problem and its position
     */
    public static Scene parse(String caption, long seed) {
        CaptionParser p = new CaptionParser(caption);
        p.parseAll();
        // Objects are placed at random: a crowded caption may not fit with one draw (an early object
        // takes the room a later large one needs), so a few further draws, derived from the seed, are
        // tried before giving up. The first draw is the seed itself, so captions that fit keep their scene.
        ParseException first = null;
        for (int attempt = 0; attempt < PLACEMENT_ATTEMPTS; attempt++) {
            long s = attempt == 0 ? seed : new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * attempt)).nextLong();
            try {
                return p.buildAnySpot(s);
            } catch (ParseException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    /** Draws of object positions a caption gets before it counts as having no room. */
    private static final int PLACEMENT_ATTEMPTS = 8;

    private Scene buildAnySpot(long seed) {
        if (sign == null || objectCount == 0) {
            return build(new SplittableRandom(seed), 0);
        }
        // A caption says where the sign is only by region; if the objects do not fit around it at
        // its preferred spot, try other spots in the same region before giving up.
        ParseException first = null;
        for (int spot = 0; spot < SIGN_SPOTS; spot++) {
            try {
                return build(new SplittableRandom(seed), spot);
            } catch (ParseException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    // ---------------------------------------------------------------- syntax

    private void parseAll() {
        while (!t.atEnd()) {
            item();
            Token p = t.peek();
            if (p == null) {
                break;
            }
            if (p.is(";") || p.is(".")) {
                t.next();
            } else if (p.is(",")) {
                t.next();
                t.accept("and");
            } else if (p.is("and")) {
                t.next();
            } else if (!startsBackdrop()) {
                throw t.error("unexpected '" + p.text() + "'" + (p.isPunct() ? "" : Suggest.hint(p.lower(), KEYWORDS)));
            }
        }
    }

    private void item() {
        if (backdrop()) {
            return;
        }
        Token first = t.peek();
        if (first == null) {
            throw t.error("expected something to show but the input ended");
        }
        if (first.is("nothing") || t.acceptAll("an", "empty", "scene") || t.acceptAll("empty", "scene")) {
            if (first.is("nothing")) {
                t.next();
            }
            return;
        }
        int mark = t.mark();
        boolean article = t.accept("a") || t.accept("an") || t.accept("one") || t.accept("the");
        // look past size and colour words for sign, chart or clock
        TextSize size = null;
        NamedColor color = null;
        int after = t.mark();
        while (!t.atEnd()) {
            Token w = t.peek();
            if (size == null && Lexicon.size(w.lower()).isPresent()) {
                size = TextSize.valueOf(Lexicon.size(w.lower()).get().name());
            } else if (color == null && Lexicon.color(w.lower()).isPresent()) {
                color = Lexicon.color(w.lower()).get();
            } else {
                break;
            }
            t.next();
        }
        Token noun = t.peek();
        if (noun != null && noun.is("sign")) {
            signItem(first, size, color);
            return;
        }
        if (noun != null && (noun.is("chart") || (noun.is("bar") && next(1, "chart")))) {
            noSize(size, after);
            chartItem(first, color);
            return;
        }
        if (noun != null && noun.is("clock")) {
            noSize(size, after);
            clockItem(first, color);
            return;
        }
        t.reset(mark);
        group(article);
    }

    private boolean next(int k, String word) {
        Token x = t.peek(k);
        return x != null && x.is(word);
    }

    private void noSize(TextSize size, int at) {
        if (size != null) {
            t.reset(at);
            throw t.error("charts and clocks have no size; remove '" + t.peek().text() + "'");
        }
    }

    private void group(boolean articleSeen) {
        Token at = t.peek();
        Optional<Integer> n = Lexicon.number(at.lower());
        if (n.isEmpty() || at.is("no")) {
            if (at.isPunct()) {
                throw t.error("expected objects, a sign, a chart, a clock or a background but found '"
                        + at.text() + "'");
            }
            if (NounPhrase.startsAt(t)) {
                throw t.error("expected a count such as 'a' or 'three' before '" + at.text() + "'");
            }
            throw t.error("unknown word '" + at.text() + "'" + Suggest.hint(at.lower(), KEYWORDS));
        }
        int count = n.get();
        if (count < 1 || count > Limits.MAX_OBJECTS) {
            throw t.error("a group holds 1 to " + Limits.MAX_OBJECTS + " objects, got " + count);
        }
        t.next();
        Token nounStart = t.peek();
        NounPhrase np = NounPhrase.parse(t);
        if (count == 1 && np.plural()) {
            throw t.error("'" + at.text() + "' needs a singular noun", nounStart);
        }
        if (count > 1 && !np.plural()) {
            throw t.error("'" + at.text() + "' needs a plural noun", nounStart);
        }
        String label = null;
        if (t.accept("labelled") || t.accept("labeled")) {
            label = TextLiteral.read(t, "label", Limits.MAX_LABEL);
        }
        Region region = place().orElse(null);
        if (objectCount + count > Limits.MAX_OBJECTS) {
            throw t.error("the caption asks for " + (objectCount + count) + " objects; a scene holds at most "
                    + Limits.MAX_OBJECTS, at);
        }
        if (chartBars != null || clock != null) {
            throw t.error("objects cannot share the scene with a " + (clock != null ? "clock" : "bar chart"), at);
        }
        objectCount += count;
        groups.add(new Group(count, np.filter(), label, region, at));
    }

    /** "at the top left", "in the center", "on the right"; empty (cursor unmoved) if absent. */
    private Optional<Region> place() {
        Token p = t.peek();
        if (p == null || !(p.is("at") || p.is("in") || p.is("on"))) {
            return Optional.empty();
        }
        int mark = t.mark();
        t.next();
        boolean the = t.accept("the");
        Optional<Region> r = Lexicon.region(t);
        if (r.isEmpty()) {
            if (the) {
                throw t.error("expected a place such as 'top left', 'center' or 'right' after '" + p.text()
                        + " the'");
            }
            t.reset(mark);
        }
        return r;
    }

    private void signItem(Token at, TextSize size, NamedColor board) {
        t.expect("sign");
        if (!(t.accept("reading") || t.accept("saying") || t.acceptAll("that", "says"))) {
            throw t.error("expected 'reading' and the sign's text after 'sign'");
        }
        String text = TextLiteral.read(t, "sign text", Limits.MAX_SIGN_TEXT);
        NamedColor ink = null;
        if (next(0, "in") && t.peek(1) != null && Lexicon.color(t.peek(1).lower()).isPresent()) {
            t.next();
            ink = Lexicon.color(t.next().lower()).get();
            if (!(t.accept("letters") || t.accept("text") || t.accept("lettering"))) {
                throw t.error("expected 'letters' after the text colour");
            }
        }
        if (board != null && board == ink) {
            throw t.error("the sign's letters and board are both " + ink.word() + "; they must differ", at);
        }
        Region region = place().orElse(null);
        if (sign != null) {
            throw t.error("a scene holds one sign", at);
        }
        if (chartBars != null || clock != null) {
            throw t.error("a sign cannot share the scene with a " + (clock != null ? "clock" : "bar chart"), at);
        }
        sign = new SignSpec(text, size, board, ink, region, at);
    }

    private void chartItem(Token at, NamedColor color) {
        t.accept("bar");
        t.expect("chart");
        if (!(t.accept("with") || t.accept("where") || t.accept("showing"))) {
            throw t.error("expected 'with' and the bars, as in 'a bar chart with A = 3, B = 7'");
        }
        List<Bar> bars = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        bars.add(bar(seen));
        while (true) {
            int mark = t.mark();
            if (!(t.accept(",") | t.accept("and"))) {
                break;
            }
            if (!startsBar()) {
                t.reset(mark);
                break;
            }
            bars.add(bar(seen));
        }
        if (bars.size() < Limits.MIN_BARS || bars.size() > Limits.MAX_BARS) {
            throw t.error("a bar chart has " + Limits.MIN_BARS + " to " + Limits.MAX_BARS + " bars, got "
                    + bars.size(), at);
        }
        checkAlone(at, "a bar chart");
        chartBars = new Chart(bars, NamedColor.BLUE);
        chartColor = color;
    }

    private boolean startsBar() {
        Token l = t.peek();
        Token eq = t.peek(1);
        return l != null && eq != null && l.text().matches("[A-Za-z]")
                && (eq.is("=") || eq.is("is") || eq.is(":"));
    }

    private Bar bar(Set<String> seen) {
        Token l = t.peek();
        if (!startsBar()) {
            throw t.error("expected a bar such as 'A = 3'");
        }
        t.next();
        t.next();
        Token v = t.peek();
        if (v == null || !v.isNumber()) {
            throw t.error("expected the value of bar " + l.text().toUpperCase() + " (0 to " + Limits.MAX_BAR_VALUE + ")");
        }
        t.next();
        String label = l.text().toUpperCase();
        int value = v.text().length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(v.text());
        if (value > Limits.MAX_BAR_VALUE) {
            throw t.error("bar " + label + " value " + v.text() + " is out of range 0-" + Limits.MAX_BAR_VALUE, v);
        }
        if (!seen.add(label)) {
            throw t.error("bar " + label + " appears twice", l);
        }
        return new Bar(label, value);
    }

    private void clockItem(Token at, NamedColor face) {
        t.expect("clock");
        NamedColor hands = null;
        if (t.accept("with")) {
            Token c = t.peek();
            if (c == null || Lexicon.color(c.lower()).isEmpty()) {
                throw t.error("expected the colour of the hands after 'with'");
            }
            t.next();
            hands = Lexicon.color(c.lower()).get();
            if (!t.accept("hands")) {
                throw t.error("expected 'hands'");
            }
        }
        if (!(t.accept("showing") || t.accept("reading") || t.accept("at") || t.acceptAll("set", "to"))) {
            throw t.error("expected 'showing' and a time such as 3:45");
        }
        int[] hm = time(t);
        if (face != null && face == hands) {
            throw t.error("the clock's hands and face are both " + face.word() + "; they must differ", at);
        }
        checkAlone(at, "a clock");
        clock = new ClockSpec(hm[0], hm[1], face, hands);
    }

    /** Reads a time token "h:mm" with hour 1-12 and minute 0-59. */
    public static int[] time(Tokens t) {
        Token tok = t.peek();
        if (tok == null || !tok.text().matches("\\d{1,2}:\\d{2}")) {
            throw t.error("expected a time such as 3:45");
        }
        String[] p = tok.text().split(":");
        int h = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        if (h < 1 || h > 12 || m > 59) {
            throw t.error("bad time " + tok.text() + ": hours run 1-12 and minutes 00-59");
        }
        t.next();
        return new int[] {h, m};
    }

    private void checkAlone(Token at, String what) {
        if (objectCount > 0 || sign != null || chartBars != null || clock != null) {
            throw t.error(what + " stands alone; it cannot share the scene with "
                    + (objectCount > 0 ? "objects" : sign != null ? "a sign" : chartBars != null ? "a bar chart"
                        : "a clock"), at);
        }
    }

    private boolean startsBackdrop() {
        int mark = t.mark();
        try {
            return backdropPhrase(false);
        } finally {
            t.reset(mark);
        }
    }

    private boolean backdrop() {
        return backdropPhrase(true);
    }

    /** Parses one backdrop phrase; with {@code apply} false only recognises it. */
    private boolean backdropPhrase(boolean apply) {
        Token a = t.peek();
        if (a == null) {
            return false;
        }
        int mark = t.mark();
        if (a.is("on") || a.is("against") || a.is("a") || a.is("an") || Lexicon.color(a.lower()).isPresent()) {
            if (!Lexicon.color(a.lower()).isPresent()) {
                t.next();
            }
            if (!a.is("a") && !a.is("an")) {
                if (!t.accept("a")) {
                    t.accept("an");
                }
            }
            Token c = t.peek();
            Token b = t.peek(1);
            if (c != null && b != null && Lexicon.color(c.lower()).isPresent()
                    && (b.is("background") || b.is("backdrop"))) {
                t.next();
                t.next();
                if (apply) {
                    if (background != null) {
                        throw t.error("two backgrounds", a);
                    }
                    background = Lexicon.color(c.lower()).get();
                }
                return true;
            }
            t.reset(mark);
            return false;
        }
        if (a.is("with")) {
            t.next();
            if (!t.accept("a")) {
                t.accept("an");
            }
            Token w = t.peek();
            if (w == null) {
                t.reset(mark);
                return false;
            }
            Texture tx = switch (w.lower()) {
                case "grid" -> Texture.GRID;
                case "dots", "dotted" -> Texture.DOTS;
                case "gradient" -> Texture.GRADIENT;
                default -> null;
            };
            if (tx != null && t.peek(1) != null && (t.peek(1).is("texture") || t.peek(1).is("background"))) {
                t.next();
                t.next();
                if (apply) {
                    if (texture != null) {
                        throw t.error("two textures", a);
                    }
                    texture = tx;
                }
                return true;
            }
            t.accept("some");
            if (t.accept("clutter")) {
                if (apply) {
                    clutter = true;
                }
                return true;
            }
            t.reset(mark);
            return false;
        }
        String w = a.lower();
        if (w.equals("low") || w.equals("high")) {
            if (next(1, "contrast")) {
                t.next();
                t.next();
                if (apply) {
                    lowContrast = set(lowContrast, w.equals("low"), "contrast", a);
                }
                return true;
            }
            return false;
        }
        if (w.equals("low-contrast") || w.equals("high-contrast")) {
            t.next();
            if (apply) {
                lowContrast = set(lowContrast, w.startsWith("low"), "contrast", a);
            }
            return true;
        }
        switch (w) {
            case "cluttered" -> {
                if (apply) {
                    clutter = true;
                }
            }
            case "blurred", "blurry" -> {
                if (apply) {
                    blurred = true;
                }
            }
            case "noisy" -> {
                if (apply) {
                    noisy = true;
                }
            }
            case "dark", "darkened" -> {
                if (apply) {
                    dark = set(dark, true, "brightness", a);
                }
            }
            case "bright", "brightened" -> {
                if (apply) {
                    dark = set(dark, false, "brightness", a);
                }
            }
            case "compressed" -> {
                if (apply) {
                    compressed = true;
                }
            }
            default -> {
                return false;
            }
        }
        t.next();
        return true;
    }

    private Boolean set(Boolean old, boolean v, String what, Token at) {
        if (old != null && old != v) {
            throw t.error("the caption asks for two different " + what + " levels", at);
        }
        return v;
    }

    // ---------------------------------------------------------------- semantics

    private Scene build(SplittableRandom rng, int signSpot) {
        SceneSampler sampler = new SceneSampler(org.auditdm.world.sample.WorldPrior.UNIFORM);
        ObjectPlacer placer = new ObjectPlacer(sampler);
        Backdrop backdrop = buildBackdrop(rng);
        if (chartBars != null) {
            Chart sampled = sampler.chart(rng);
            return Scene.ofChart(new Chart(chartBars.bars(), chartColor != null ? chartColor : sampled.barColor()),
                    backdrop);
        }
        if (clock != null) {
            Clock c = sampler.clock(rng);
            NamedColor face = clock.face() != null ? clock.face() : c.faceColor();
            NamedColor hands = clock.hands() != null ? clock.hands() : c.handColor();
            if (face == hands) {
                hands = clock.hands() == null ? (face == NamedColor.BLACK ? NamedColor.WHITE : NamedColor.BLACK)
                        : hands;
                face = clock.face() == null ? (hands == NamedColor.WHITE ? NamedColor.BLACK : NamedColor.WHITE)
                        : face;
            }
            return Scene.ofClock(new Clock(clock.hour(), clock.minute(), face, hands), backdrop);
        }
        Scene scene = Scene.ofObjects(List.of(), backdrop);
        if (sign != null) {
            scene = scene.withSign(buildSign(sampler, rng, objectCount == 0, signSpot));
        }
        for (Group g : groups) {
            for (int i = 0; i < g.count(); i++) {
                Optional<SceneObject> o = placer.add(scene, g.filter(), g.region(), rng);
                if (o.isEmpty()) {
                    throw t.error("no room for " + Lexicon.numberWord(g.count()) + " " + g.filter().phrase(g.count() > 1)
                            + (g.region() == null ? "" : " at the " + g.region().words()), g.at());
                }
                List<SceneObject> list = new ArrayList<>(scene.objects());
                list.add(o.get().withLabel(g.label()));
                scene = scene.withObjects(list);
            }
        }
        return scene;
    }

    private Backdrop buildBackdrop(SplittableRandom rng) {
        int clutterCount = clutter ? 4 + rng.nextInt(14) : 0;
        long clutterSeed = rng.nextLong();
        Photometric p = new Photometric(0, 0, 1, 0, 0, rng.nextLong());
        if (blurred) {
            p = p.withBlur(Math.round(Draw.between(rng, 0.6, 1.8) * 10) / 10.0);
        }
        if (noisy) {
            p = p.withNoise(Math.round(Draw.between(rng, 0.04, 0.14) * 100) / 100.0);
        }
        if (lowContrast != null) {
            p = p.withContrast(lowContrast ? Math.round(Draw.between(rng, 0.35, 0.7) * 100) / 100.0
                    : Math.round(Draw.between(rng, 1.3, 1.8) * 100) / 100.0);
        }
        if (dark != null) {
            p = p.withBrightness((dark ? -1 : 1) * Math.round(Draw.between(rng, 0.2, 0.4) * 100) / 100.0);
        }
        if (compressed) {
            p = p.withJpegQuality(5 + rng.nextInt(25));
        }
        if (p.isNone()) {
            p = Photometric.NONE;
        }
        return new Backdrop(background != null ? background : NamedColor.WHITE,
                texture != null ? texture : Texture.PLAIN, clutterCount, clutterSeed, p);
    }

    private Sign buildSign(SceneSampler sampler, SplittableRandom rng, boolean alone, int spot) {
        Sign drawn = sampler.sign(rng, 0.5, 0.5, alone);
        NamedColor board = sign.board() != null ? sign.board() : drawn.boardColor();
        NamedColor ink = sign.ink() != null ? sign.ink() : drawn.textColor();
        if (board == ink) {
            NamedColor fixed = board.luminance() > 0.5 ? NamedColor.BLACK : NamedColor.WHITE;
            if (sign.ink() == null) {
                ink = fixed;
            } else {
                board = fixed;
            }
        }
        TextSize size = sign.size() != null ? sign.size() : drawn.textSize();
        double rotation = alone && sign.region() == null ? drawn.rotation() : 0;
        Region region = sign.region();
        if (region == null && !alone) {
            region = rng.nextBoolean() ? Region.TOP : Region.BOTTOM;
        }
        while (true) {
            Optional<Sign> s = fit(new Sign(sign.text(), ink, board, size, rotation, 0.5, 0.5), region, spot);
            if (s.isEmpty() && rotation != 0) {
                s = fit(new Sign(sign.text(), ink, board, size, 0, 0.5, 0.5), region, spot);
            }
            if (s.isPresent()) {
                return s.get();
            }
            if (sign.size() != null || size == TextSize.SMALL) {
                throw t.error("a " + size.word() + " sign reading " + sign.text() + " does not fit"
                        + (region == null ? " the image" : " at the " + region.words()), sign.at());
            }
            size = TextSize.values()[size.ordinal() - 1];
        }
    }

    /**
     * The sign moved into {@code region} (centre if null) with its board inside the image and its
     * centre inside the region's cell. Side columns keep it near the middle, as sampled signs are.
     */
    private static Optional<Sign> fit(Sign s, Region region, int spot) {
        var box = Geometry.board(s, 1.0).getBounds2D();
        double hw = box.getWidth() / 2;
        double hh = box.getHeight() / 2;
        Region r = region == null ? Region.CENTER : region;
        double x0 = Math.max(hw, r.col() / 3.0 + 0.001);
        double x1 = Math.min(1 - hw, (r.col() + 1) / 3.0 - 0.001);
        double y0 = Math.max(hh, r.row() / 3.0 + 0.001);
        double y1 = Math.min(1 - hh, (r.row() + 1) / 3.0 - 0.001);
        if (x0 > x1 || y0 > y1) {
            return Optional.empty();
        }
        double px = new double[] {0.3, 0.5, 0.7}[r.col()];
        double py = new double[] {0.14, 0.5, 0.86}[r.row()];
        if (spot > 0) {
            // spots 1.. walk a 5 x 3 grid over the allowed range
            int k = spot - 1;
            px = x0 + (x1 - x0) * (k % 5) / 4.0;
            py = y0 + (y1 - y0) * (k / 5) / 2.0;
        }
        double x = Math.min(x1, Math.max(x0, px));
        double y = Math.min(y1, Math.max(y0, py));
        return Optional.of(new Sign(s.text(), s.textColor(), s.boardColor(), s.textSize(), s.rotation(), x, y));
    }
}
