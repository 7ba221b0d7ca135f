package org.auditdm.world.caption;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.auditdm.world.text.Lexicon;

/** "Did you mean" hints for misspelt words, over the lexicon plus a parser's own keywords. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest word within edit distance 2 among {@code keywords} and the lexicon. */
    public static Optional<String> closest(String word, Collection<String> keywords) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = 3;
        for (String k : keywords) {
            int d = Lexicon.distance(w, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        Optional<String> lex = Lexicon.suggest(w);
        if (lex.isPresent() && Lexicon.distance(w, lex.get()) < bestD) {
            best = lex.get();
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String word, Collection<String> keywords) {
        return closest(word, keywords).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

}
