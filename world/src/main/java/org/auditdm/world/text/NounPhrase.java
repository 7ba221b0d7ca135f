package org.auditdm.world.text;

import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/**
 * Parses object noun phrases: any of size, colour and fill words (in any order) followed by a shape
 * noun or "object"/"shape"/"thing" (singular or plural). Articles are the caller's business.
 *
 * @param filter what the phrase describes
 * @param plural whether the noun was plural
 */
public record NounPhrase(ObjectFilter filter, boolean plural) {

    /** Parses a phrase at the cursor, or fails with the position and a hint for unknown words. */
    public static NounPhrase parse(Tokens t) {
        SizeClass size = null;
        NamedColor color = null;
        Fill fill = null;
        while (true) {
            Token tok = t.peek();
            if (tok == null) {
                throw t.error("expected a shape or 'object' but the input ended");
            }
            var s = Lexicon.size(tok.lower());
            var c = Lexicon.color(tok.lower());
            var f = Lexicon.fill(tok.lower());
            if (s.isPresent()) {
                if (size != null) {
                    throw t.error("two sizes in one description");
                }
                size = s.get();
            } else if (c.isPresent()) {
                if (color != null) {
                    throw t.error("two colours in one description");
                }
                color = c.get();
            } else if (f.isPresent()) {
                if (fill != null) {
                    throw t.error("two fills in one description");
                }
                fill = f.get();
            } else {
                break;
            }
            t.next();
        }
        Token noun = t.peek();
        if (noun == null) {
            throw t.error("expected a shape or 'object' but the input ended");
        }
        ShapeKind shape;
        boolean plural;
        var single = Lexicon.shape(noun.lower());
        var multi = Lexicon.shapePlural(noun.lower());
        if (single.isPresent()) {
            shape = single.get();
            plural = false;
        } else if (multi.isPresent()) {
            shape = multi.get();
            plural = true;
        } else if (noun.is("object") || noun.is("shape") || noun.is("thing") || noun.is("item")) {
            shape = null;
            plural = false;
        } else if (noun.is("objects") || noun.is("shapes") || noun.is("things") || noun.is("items")) {
            shape = null;
            plural = true;
        } else {
            String hint = Lexicon.suggest(noun.lower()).map(w -> " (did you mean '" + w + "'?)").orElse("");
            throw t.error("unknown word '" + noun.text() + "', expected a shape, colour, size or fill" + hint);
        }
        t.next();
        return new NounPhrase(new ObjectFilter(size, color, fill, shape), plural);
    }

    /** Whether the cursor is at something that starts a noun phrase. */
    public static boolean startsAt(Tokens t) {
        Token tok = t.peek();
        if (tok == null) {
            return false;
        }
        String w = tok.lower();
        return Lexicon.size(w).isPresent() || Lexicon.color(w).isPresent() || Lexicon.fill(w).isPresent()
                || Lexicon.shape(w).isPresent() || Lexicon.shapePlural(w).isPresent()
                || w.equals("object") || w.equals("objects") || w.equals("shape") || w.equals("shapes")
                || w.equals("thing") || w.equals("things") || w.equals("item") || w.equals("items");
    }
}
