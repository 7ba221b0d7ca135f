package org.auditdm.world.question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.text.Lexicon;
import org.auditdm.world.text.NounPhrase;
import org.auditdm.world.text.ParseException;
import org.auditdm.world.text.Token;
import org.auditdm.world.text.Tokens;

/**
 * Reads English questions back into programs by matching them against every template. Matching is
 * case-insensitive, accepts "color"/"colour", "grey", the lexicon's synonyms, optional commas and
 * any final '?', '.' or '!'. When no template matches, the error points at the furthest place any
 * template got to and says what was expected there.
 */
public final class QuestionParser {
    private static final Map<String, String> SPELLINGS = Map.of("color", "colour", "colors", "colours");
    private static final Map<Relation, List<String>> RELATIONS = Slot.relationWords();
    private static final Set<String> VOCABULARY = vocabulary();

    private QuestionParser() {
    }

    /**
     * Parses a question.
     *
     * @throws ParseException naming the problem and its position: an unknown word (with a
     *     suggestion), an unsupported question shape, a question that ends early or trailing words
     */
    public static ParsedQuestion parse(String text) {
        Tokens tokens = Tokens.of("question", text);
        Failure best = null;
        ParsedQuestion first = null;
        for (Template template : Templates.all()) {
            tokens.reset(0);
            try {
                Program program = new Attempt(tokens, template).run();
                ParsedQuestion found = new ParsedQuestion(program, template.id());
                // Synonyms let one text fit several templates ("taller" is also an accepted
                // "higher"); the template that writes exactly this text wins.
                if (normal(QuestionWriter.write(program, template)).equals(normal(text))) {
                    return found;
                }
                if (first == null) {
                    first = found;
                }
            } catch (Failure f) {
                best = best == null || f.beats(best) ? f : best.merge(f);
            }
        }
        if (first != null) {
            return first;
        }
        throw best.explain(tokens);
    }

    /** Lower case, one spelling, words only: what two texts must share to be the same wording. */
    private static String normal(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\bcolor", "colour").replaceAll("\\bgrey\\b", "gray")
                .replaceAll("[^a-z0-9:]+", " ").trim();
    }

    /** Why one template did not match, and how far it got. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        enum Kind { EXPECTED, TRAILING, MESSAGE }

        final int index;
        final int reportOffset;
        final Kind kind;
        final Set<String> expected = new TreeSet<>();
        final String message;

        Failure(int index, int reportOffset, Kind kind, String expectedOrMessage) {
            super(null, null, false, false);
            this.index = index;
            this.reportOffset = reportOffset;
            this.kind = kind;
            if (kind == Kind.EXPECTED) {
                expected.add(expectedOrMessage);
                this.message = null;
            } else {
                this.message = expectedOrMessage;
            }
        }

        boolean beats(Failure o) {
            if (index != o.index) {
                return index > o.index;
            }
            return kind.ordinal() > o.kind.ordinal();
        }

        Failure merge(Failure o) {
            if (o.index == index && o.kind == Kind.EXPECTED && kind == Kind.EXPECTED) {
                expected.addAll(o.expected);
            }
            return this;
        }

        ParseException explain(Tokens tokens) {
            List<Token> all = tokens.all();
            String input = tokens.input();
            Token at = index < all.size() ? all.get(index) : null;
            if (at != null && !at.isPunct() && !known(at.lower()) && index > 0) {
                String hint = suggest(at.lower()).map(w -> " (did you mean '" + w + "'?)").orElse("");
                return new ParseException("unknown word '" + at.text() + "'" + hint, input, at.start());
            }
            return switch (kind) {
                case MESSAGE -> new ParseException(message, input, reportOffset);
                case TRAILING -> new ParseException("unexpected '" + at.text()
                        + "' after the end of the question", input, at.start());
                case EXPECTED -> {
                    String list = String.join(", ", expected);
                    if (at == null) {
                        yield new ParseException("the question ends too early; expected " + list, input, input.length());
                    }
                    if (index == 0) {
                        yield new ParseException("unsupported question shape: questions start with " + list
                                + ", not '" + at.text() + "'", input, at.start());
                    }
                    yield new ParseException("unsupported question shape: expected " + list + " but found '"
                            + at.text() + "'", input, at.start());
                }
            };
        }
    }

    /** One template tried against the input. */
    private static final class Attempt {
        private final Tokens t;
        private final Template template;
        private ObjectFilter subject;
        private ObjectFilter other;
        private Relation relation;
        private Comparison comparison;
        private NamedColor color;
        private String bar;
        private String otherBar;
        private int subjectOffset = -1;

        Attempt(Tokens t, Template template) {
            this.t = t;
            this.template = template;
        }

        Program run() {
            List<Template.Part> parts = template.parts();
            for (Template.Part part : parts) {
                if (part instanceof Template.Word w) {
                    word(w);
                } else {
                    slot(((Template.Hole) part).slot());
                }
            }
            while (!t.atEnd() && (t.peek().is("?") || t.peek().is(".") || t.peek().is("!"))) {
                t.next();
            }
            if (!t.atEnd()) {
                throw new Failure(t.mark(), t.offset(), Failure.Kind.TRAILING, null);
            }
            int end = t.mark();
            try {
                return new Program(template.family(), subject, other, relation, comparison, color, bar, otherBar);
            } catch (IllegalArgumentException e) {
                throw new Failure(end, Math.max(0, subjectOffset), Failure.Kind.MESSAGE,
                        "cannot ask that: " + e.getMessage());
            }
        }

        private void word(Template.Word w) {
            Token tok = t.peek();
            if (w.punct()) {
                t.accept(w.text());
                return;
            }
            String want = w.text().toLowerCase(java.util.Locale.ROOT);
            if (tok != null && (tok.is(want) || want.equals(SPELLINGS.get(tok.lower())))) {
                t.next();
                return;
            }
            throw expected("'" + want + "'");
        }

        private Failure expected(String what) {
            return new Failure(t.mark(), t.offset(), Failure.Kind.EXPECTED, what);
        }

        private void slot(Slot slot) {
            switch (slot) {
                case SUBJECT_THE -> subject = the(false);
                case SUBJECT_A -> subject = article();
                case SUBJECT_PLURAL -> subject = phrase(true, true);
                case SUBJECT_BARE -> subject = phrase(false, true);
                case OTHER_THE -> other = the(true);
                case OTHER_A -> other = articleOther();
                case OTHER_PLURAL -> other = phrase(true, false);
                case TARGET -> {
                    subjectOffset = t.offset();
                    if (!t.accept("the")) {
                        throw expected("'the'");
                    }
                    if (!t.accept("sign")) {
                        subject = phrase(false, true);
                    }
                }
                case COLOR -> {
                    Token tok = t.peek();
                    Optional<NamedColor> c = tok == null ? Optional.empty() : Lexicon.color(tok.lower());
                    if (c.isEmpty()) {
                        throw expected("a colour");
                    }
                    t.next();
                    color = c.get();
                }
                case RELATION -> relation = oneOf(RELATIONS, "a relation such as 'to the left of'");
                case BAR, OTHER_BAR -> {
                    Token tok = t.peek();
                    if (tok == null || tok.lower().length() != 1 || !Character.isLetter(tok.lower().charAt(0))) {
                        throw expected("a bar letter such as 'A'");
                    }
                    t.next();
                    if (slot == Slot.BAR) {
                        bar = tok.text();
                    } else {
                        otherBar = tok.text();
                    }
                }
                default -> comparison = oneOf(slot.comparisonWords(), comparisonHint(slot));
            }
        }

        private static String comparisonHint(Slot slot) {
            List<String> first = new ArrayList<>();
            slot.comparisonWords().values().forEach(ws -> first.add("'" + ws.get(0) + "'"));
            return String.join(" or ", first);
        }

        private <K> K oneOf(Map<K, List<String>> table, String what) {
            K best = null;
            int bestLen = 0;
            for (var e : table.entrySet()) {
                for (String phrase : e.getValue()) {
                    String[] words = phrase.split(" ");
                    if (words.length > bestLen && matches(words)) {
                        best = e.getKey();
                        bestLen = words.length;
                    }
                }
            }
            if (best == null) {
                throw expected(what);
            }
            for (int i = 0; i < bestLen; i++) {
                t.next();
            }
            return best;
        }

        private boolean matches(String[] words) {
            for (int k = 0; k < words.length; k++) {
                Token tok = t.peek(k);
                if (tok == null || !tok.is(words[k])) {
                    return false;
                }
            }
            return true;
        }

        private ObjectFilter the(boolean isOther) {
            if (!isOther) {
                subjectOffset = t.offset();
            }
            if (!t.accept("the")) {
                throw expected("'the'");
            }
            return phrase(false, !isOther);
        }

        private ObjectFilter article() {
            subjectOffset = t.offset();
            if (!(t.accept("a") || t.accept("an") || t.accept("any"))) {
                throw expected("'a' or 'an'");
            }
            return phrase(false, true);
        }

        private ObjectFilter articleOther() {
            if (!(t.accept("a") || t.accept("an"))) {
                throw expected("'a' or 'an'");
            }
            return phrase(false, false);
        }

        private ObjectFilter phrase(boolean plural, boolean isSubject) {
            if (isSubject && subjectOffset < 0) {
                subjectOffset = t.offset();
            }
            if (!NounPhrase.startsAt(t)) {
                throw expected("an object description such as 'red circle" + (plural ? "s'" : "'"));
            }
            NounPhrase np;
            try {
                np = NounPhrase.parse(t);
            } catch (ParseException e) {
                if (e.problem().startsWith("unknown word")) {
                    throw expected("a shape or 'object" + (plural ? "s'" : "'"));
                }
                throw new Failure(t.mark(), e.position(), Failure.Kind.MESSAGE, e.problem());
            }
            if (np.plural() != plural) {
                Token noun = t.all().get(t.mark() - 1);
                throw new Failure(t.mark() - 1, noun.start(), Failure.Kind.MESSAGE, plural
                        ? "expected several objects ('" + np.filter().phrase(true) + "'), not '" + noun.text() + "'"
                        : "expected one object ('" + np.filter().phrase(false) + "'), not '" + noun.text() + "'");
            }
            return np.filter();
        }
    }

    private static boolean known(String w) {
        return VOCABULARY.contains(w) || SPELLINGS.containsKey(w) || Lexicon.known(w) || w.length() == 1;
    }

    /**
     * The known word closest to a typo: within edit distance 2 (1 for words of three letters or
     * fewer, unless the first letter agrees), ties going to words with the same first letter, then alphabetically.
     */
    private static Optional<String> suggest(String w) {
        int limit = w.length() <= 3 ? 1 : 2;
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(VOCABULARY);
        candidates.addAll(SPELLINGS.keySet());
        Lexicon.suggest(w).ifPresent(candidates::add);
        candidates.sort(Comparator.naturalOrder());
        for (String v : candidates) {
            int d = Lexicon.distance(w, v);
            int score = 2 * d + (v.charAt(0) == w.charAt(0) ? 0 : 1);
            if ((d <= limit || (d == 2 && v.charAt(0) == w.charAt(0))) && score < bestScore) {
                bestScore = score;
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> vocabulary() {
        Set<String> v = new TreeSet<>(Comparator.naturalOrder());
        for (Template t : Templates.all()) {
            for (Template.Part p : t.parts()) {
                if (p instanceof Template.Word w && !w.punct()) {
                    v.add(w.text().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        for (Slot s : Slot.values()) {
            if (s.comparisonWords() != null) {
                s.comparisonWords().values().forEach(ws -> ws.forEach(x -> v.addAll(List.of(x.split(" ")))));
            }
        }
        RELATIONS.values().forEach(ws -> ws.forEach(x -> v.addAll(List.of(x.split(" ")))));
        v.addAll(List.of("the", "a", "an", "any", "sign", "bar", "object", "objects", "shape", "shapes",
                "thing", "things", "item", "items"));
        return Set.copyOf(v);
    }

}
