package org.auditdm.world.edit;

import java.util.List;
import java.util.Optional;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.caption.Suggest;
import org.auditdm.world.caption.TextLiteral;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.text.Lexicon;
import org.auditdm.world.text.NounPhrase;
import org.auditdm.world.text.ParseException;
import org.auditdm.world.text.Token;
import org.auditdm.world.text.Tokens;

/**
 * Parses an edit command ("make the star green", "remove all circles", "set bar C to 7") into an
 * {@link Edit}. Object references are "the" + noun phrase (one object), or "all"/"every" + noun
 * phrase, or "the" + plural noun phrase (every match).
 */
public final class EditParser {
    private static final List<String> VERBS = List.of("make", "paint", "colour", "color", "recolour", "recolor",
            "change", "turn", "remove", "delete", "erase", "add", "move", "put", "place", "rotate", "swap",
            "exchange", "write", "label", "set", "blur", "darken", "brighten", "lower", "reduce", "compress",
            "restore", "enlarge", "grow", "shrink", "declutter");

    private final Tokens t;

    private EditParser(String command) {
        this.t = Tokens.of("edit command", command);
    }

    /**
     * Parses one edit command.
     *
     * @throws ParseException naming the problem and its position
     */
    public static Edit parse(String command) {
        EditParser p = new EditParser(command);
        Edit e = p.command();
        p.t.expectEnd();
        return e;
    }

    private Edit command() {
        Token verb = t.next();
        return switch (verb.lower()) {
            case "make" -> make();
            case "paint", "colour", "color", "recolour", "recolor" -> paint();
            case "change" -> change();
            case "turn" -> turn();
            case "remove", "delete", "erase" -> remove(verb);
            case "add" -> add();
            case "move", "put", "place" -> move();
            case "rotate" -> rotate();
            case "swap", "exchange" -> swap();
            case "write" -> write();
            case "label" -> label();
            case "set" -> set();
            case "blur" -> photometric(Edit.Perturbation.BLUR);
            case "darken" -> photometric(Edit.Perturbation.DARKEN);
            case "brighten" -> photometric(Edit.Perturbation.BRIGHTEN);
            case "compress" -> photometric(Edit.Perturbation.COMPRESS);
            case "restore" -> photometric(Edit.Perturbation.RESTORE);
            case "lower", "reduce" -> {
                t.accept("the");
                t.expect("contrast");
                yield new Edit.Perturb(Edit.Perturbation.LOWER_CONTRAST);
            }
            case "enlarge", "grow" -> new Edit.Scale(ref(true), true);
            case "shrink" -> new Edit.Scale(ref(true), false);
            case "declutter" -> {
                image();
                yield new Edit.Clutter(false);
            }
            default -> throw t.error("unknown command word '" + verb.text() + "'" + Suggest.hint(verb.lower(), VERBS)
                    + "; commands start with make, remove, add, move, rotate, swap, turn, write, set, change, "
                    + "blur, ...", verb);
        };
    }

    /** Optional "the image" / "the picture" after a photometric verb. */
    private void image() {
        if (t.accept("the")) {
            if (!(t.accept("image") || t.accept("picture") || t.accept("scene"))) {
                throw t.error("expected 'image'");
            }
        } else if (!t.accept("image")) {
            t.accept("it");
        }
    }

    private Edit photometric(Edit.Perturbation p) {
        image();
        return new Edit.Perturb(p);
    }

    private Edit make() {
        if (t.acceptAll("the", "background") || t.accept("background")) {
            t.accept("to");
            return new Edit.SetBackground(color("background colour"));
        }
        if (t.acceptAll("the", "image") || t.acceptAll("the", "picture") || t.accept("image") || t.accept("it")) {
            Token w = t.next();
            return switch (w.lower()) {
                case "darker", "dark" -> new Edit.Perturb(Edit.Perturbation.DARKEN);
                case "brighter", "bright", "lighter" -> new Edit.Perturb(Edit.Perturbation.BRIGHTEN);
                case "blurry", "blurred", "blurrier" -> new Edit.Perturb(Edit.Perturbation.BLUR);
                case "noisy", "noisier" -> new Edit.Perturb(Edit.Perturbation.NOISE);
                default -> throw t.error("expected darker, brighter, blurry or noisy after 'make the image'", w);
            };
        }
        if (t.acceptAll("the", "sign") || t.accept("sign")) {
            if (!(t.accept("read") || t.accept("say") || t.accept("show"))) {
                throw t.error("expected 'read' and the new text");
            }
            return new Edit.SetSignText(TextLiteral.read(t, "sign text", Limits.MAX_SIGN_TEXT));
        }
        ObjectRef target = ref(true);
        Token w = t.peek();
        if (w == null) {
            throw t.error("expected what to make it: a colour, size, fill, 'bigger' or 'smaller'");
        }
        Optional<NamedColor> c = Lexicon.color(w.lower());
        Optional<SizeClass> s = Lexicon.size(w.lower());
        Optional<Fill> f = Lexicon.fill(w.lower());
        t.next();
        if (c.isPresent()) {
            return new Edit.Recolor(target, c.get());
        }
        if (s.isPresent()) {
            return new Edit.Resize(target, s.get());
        }
        if (f.isPresent()) {
            return new Edit.Refill(target, f.get());
        }
        return switch (w.lower()) {
            case "bigger", "larger" -> new Edit.Scale(target, true);
            case "smaller" -> new Edit.Scale(target, false);
            default -> throw t.error("unknown word '" + w.text() + "', expected a colour, size, fill, 'bigger' or "
                    + "'smaller'" + Suggest.hint(w.lower(), List.of("bigger", "larger", "smaller")), w);
        };
    }

    private Edit paint() {
        if (t.acceptAll("the", "background") || t.accept("background")) {
            t.accept("to");
            return new Edit.SetBackground(color("background colour"));
        }
        ObjectRef target = ref(true);
        if (!t.accept("to")) {
            t.accept("in");
        }
        return new Edit.Recolor(target, color("colour"));
    }

    private Edit change() {
        if (t.accept("the")) {
            if (t.accept("colour") || t.accept("color")) {
                t.expect("of");
                if (t.acceptAll("the", "background")) {
                    t.expect("to");
                    return new Edit.SetBackground(color("background colour"));
                }
                ObjectRef target = ref(true);
                t.expect("to");
                return new Edit.Recolor(target, color("colour"));
            }
            if (t.accept("sign")) {
                t.accept("text");
                t.expect("to");
                return new Edit.SetSignText(TextLiteral.read(t, "sign text", Limits.MAX_SIGN_TEXT));
            }
            if (t.accept("background")) {
                t.expect("to");
                return new Edit.SetBackground(color("background colour"));
            }
            if (t.accept("clock")) {
                t.expect("to");
                int[] hm = CaptionParser.time(t);
                return new Edit.SetClock(hm[0], hm[1]);
            }
        }
        if (t.accept("bar")) {
            return barValue();
        }
        throw t.error("expected 'the colour of', 'the sign', 'the background', 'the clock' or 'bar' after "
                + "'change'");
    }

    private Edit turn() {
        ObjectRef target = ref(true);
        Token w = t.peek();
        if (w != null && Lexicon.color(w.lower()).isPresent()) {
            t.next();
            return new Edit.Recolor(target, Lexicon.color(w.lower()).get());
        }
        if (!t.accept("into")) {
            t.expect("to");
        }
        boolean article = t.accept("a") || t.accept("an");
        Token s = t.peek();
        if (s == null) {
            throw t.error("expected a shape");
        }
        Optional<ShapeKind> one = Lexicon.shape(s.lower());
        Optional<ShapeKind> many = Lexicon.shapePlural(s.lower());
        if (one.isEmpty() && many.isEmpty()) {
            throw t.error("unknown shape '" + s.text() + "'" + Suggest.hint(s.lower(), List.of()));
        }
        if (article && many.isPresent()) {
            throw t.error("'a' needs a singular shape", s);
        }
        t.next();
        return new Edit.Reshape(target, one.orElseGet(many::get));
    }

    private Edit remove(Token verb) {
        if (t.acceptAll("the", "clutter") || t.accept("clutter")) {
            return new Edit.Clutter(false);
        }
        if (t.acceptAll("the", "label") || t.accept("label")) {
            if (!(t.accept("on") || t.accept("from") || t.accept("of"))) {
                throw t.error("expected 'on' and the object");
            }
            return new Edit.Unlabel(ref(true));
        }
        if (t.acceptAll("the", "noise") || t.acceptAll("the", "blur") || t.acceptAll("the", "perturbations")) {
            return new Edit.Perturb(Edit.Perturbation.RESTORE);
        }
        return new Edit.Remove(ref(true));
    }

    private Edit add() {
        if (t.accept("clutter") || t.acceptAll("some", "clutter")) {
            return new Edit.Clutter(true);
        }
        if (t.accept("noise") || t.acceptAll("some", "noise")) {
            return new Edit.Perturb(Edit.Perturbation.NOISE);
        }
        Token at = t.peek();
        if (at == null) {
            throw t.error("expected what to add, such as 'a red circle'");
        }
        Optional<Integer> n = Lexicon.number(at.lower());
        if (n.isEmpty()) {
            throw t.error("expected a count such as 'a' or 'two' before what to add");
        }
        if (n.get() < 1 || n.get() > Limits.MAX_OBJECTS) {
            throw t.error("can add 1 to " + Limits.MAX_OBJECTS + " objects at once, got " + n.get());
        }
        t.next();
        Token nounAt = t.peek();
        NounPhrase np = NounPhrase.parse(t);
        if (n.get() == 1 && np.plural()) {
            throw t.error("'" + at.text() + "' needs a singular noun", nounAt);
        }
        if (n.get() > 1 && !np.plural()) {
            throw t.error("'" + at.text() + "' needs a plural noun", nounAt);
        }
        Region region = null;
        if (t.accept("at") || t.accept("in") || t.accept("on") || t.accept("to")) {
            region = region();
        }
        return new Edit.Add(n.get(), np.filter(), region);
    }

    private Region region() {
        t.accept("the");
        return Lexicon.region(t).orElseThrow(() -> t.error("expected a place such as 'top left', 'center' or 'right'"));
    }

    private Edit move() {
        ObjectRef target = ref(false, "move");
        if (t.accept("to")) {
            if (t.acceptAll("the", "left", "of") || t.acceptAll("left", "of")) {
                return new Edit.MoveBeside(target, Edit.Relation.LEFT_OF, ref(false, "move things next to"));
            }
            if (t.acceptAll("the", "right", "of") || t.acceptAll("right", "of")) {
                return new Edit.MoveBeside(target, Edit.Relation.RIGHT_OF, ref(false, "move things next to"));
            }
            return new Edit.MoveTo(target, region());
        }
        Edit.Relation rel;
        if (t.acceptAll("left", "of")) {
            rel = Edit.Relation.LEFT_OF;
        } else if (t.acceptAll("right", "of")) {
            rel = Edit.Relation.RIGHT_OF;
        } else if (t.accept("above") || t.accept("over")) {
            rel = Edit.Relation.ABOVE;
        } else if (t.accept("below") || t.accept("under") || t.accept("beneath")) {
            rel = Edit.Relation.BELOW;
        } else {
            throw t.error("expected 'to the <place>', 'left of', 'right of', 'above' or 'below'");
        }
        return new Edit.MoveBeside(target, rel, ref(false, "move things next to"));
    }

    private Edit rotate() {
        ObjectRef target = ref(true);
        t.accept("by");
        Token d = t.peek();
        boolean negative = t.accept("-");
        d = t.peek();
        if (d == null || !d.isNumber()) {
            throw t.error("expected the angle in degrees, as in 'rotate the star by 45 degrees'");
        }
        t.next();
        if (!(t.accept("degrees") || t.accept("degree") || t.accept("deg"))) {
            throw t.error("expected 'degrees'");
        }
        int deg = d.text().length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(d.text());
        if (deg < 1 || deg > 359) {
            throw t.error("rotate by 1 to 359 degrees, got " + d.text(), d);
        }
        if (t.accept("counterclockwise") || t.accept("anticlockwise") || t.accept("counter-clockwise")
                || t.accept("anti-clockwise")) {
            negative = !negative;
        } else {
            t.accept("clockwise");
        }
        return new Edit.Rotate(target, negative ? 360 - deg : deg);
    }

    private Edit swap() {
        ObjectRef a = ref(false, "swap");
        if (!t.accept("and")) {
            t.expect("with");
        }
        return new Edit.Swap(a, ref(false, "swap"));
    }

    private Edit write() {
        String text = TextLiteral.read(t, "label", Limits.MAX_LABEL);
        t.expect("on");
        return new Edit.Label(ref(true), text);
    }

    private Edit label() {
        ObjectRef target = ref(true);
        if (!t.accept("with")) {
            t.accept("as");
        }
        return new Edit.Label(target, TextLiteral.read(t, "label", Limits.MAX_LABEL));
    }

    private Edit set() {
        if (t.accept("bar") || t.acceptAll("the", "bar")) {
            return barValue();
        }
        if (t.acceptAll("the", "clock") || t.accept("clock")) {
            t.expect("to");
            int[] hm = CaptionParser.time(t);
            return new Edit.SetClock(hm[0], hm[1]);
        }
        if (t.acceptAll("the", "sign") || t.accept("sign")) {
            t.accept("text");
            t.expect("to");
            return new Edit.SetSignText(TextLiteral.read(t, "sign text", Limits.MAX_SIGN_TEXT));
        }
        if (t.acceptAll("the", "background") || t.accept("background")) {
            t.expect("to");
            return new Edit.SetBackground(color("background colour"));
        }
        throw t.error("expected 'bar', 'the clock', 'the sign' or 'the background' after 'set'");
    }

    /** After "bar": "C to 7". */
    private Edit barValue() {
        Token l = t.peek();
        if (l == null || !l.text().matches("[A-Za-z]")) {
            throw t.error("expected a bar letter such as C");
        }
        t.next();
        t.expect("to");
        Token v = t.peek();
        if (v == null || !v.isNumber()) {
            throw t.error("expected the new value of bar " + l.text().toUpperCase() + " (0 to "
                    + Limits.MAX_BAR_VALUE + ")");
        }
        int value = v.text().length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(v.text());
        if (value > Limits.MAX_BAR_VALUE) {
            throw t.error("bar value " + v.text() + " is out of range 0-" + Limits.MAX_BAR_VALUE);
        }
        t.next();
        return new Edit.SetBar(l.text().toUpperCase(), value);
    }

    private NamedColor color(String what) {
        Token c = t.peek();
        if (c == null) {
            throw t.error("expected a " + what + " but the input ended");
        }
        Optional<NamedColor> col = Lexicon.color(c.lower());
        if (col.isEmpty()) {
            throw t.error("unknown " + what + " '" + c.text() + "'" + Suggest.hint(c.lower(), List.of()));
        }
        t.next();
        return col.get();
    }

    private ObjectRef ref(boolean pluralAllowed) {
        return ref(pluralAllowed, "do that to");
    }

    /** "the red circle", "all circles", "every red object", "the blue objects", "everything". */
    private ObjectRef ref(boolean pluralAllowed, String verb) {
        Token start = t.peek();
        if (start == null) {
            throw t.error("expected an object such as 'the red circle' but the input ended");
        }
        ObjectRef ref;
        if (t.accept("everything")) {
            ref = ObjectRef.all(ObjectFilter.ANY);
        } else if (t.accept("all") || t.accept("every") || t.accept("each")) {
            t.accept("the");
            t.accept("of");
            t.accept("the");
            Token nounAt = t.peek();
            NounPhrase np = NounPhrase.parse(t);
            if (start.is("all") && !np.plural()) {
                throw t.error("'all' needs a plural noun", nounAt);
            }
            if (!start.is("all") && np.plural()) {
                throw t.error("'" + start.text() + "' needs a singular noun", nounAt);
            }
            ref = ObjectRef.all(np.filter());
        } else {
            if (!t.accept("the")) {
                if (t.peek() != null && (t.peek().is("a") || t.peek().is("an"))) {
                    throw t.error("say 'the' for an object that is already there (or 'add' for a new one)");
                }
            }
            NounPhrase np = NounPhrase.parse(t);
            ref = new ObjectRef(np.filter(), np.plural());
        }
        if (ref.all() && !pluralAllowed) {
            throw t.error("'" + ref.words() + "' names several objects; can only " + verb + " one at a time", start);
        }
        return ref;
    }
}
