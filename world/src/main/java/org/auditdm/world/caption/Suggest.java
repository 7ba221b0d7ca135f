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
            int d = distance(w, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        Optional<String> lex = Lexicon.suggest(w);
        if (lex.isPresent() && distance(w, lex.get()) < bestD) {
            best = lex.get();
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean 'x'?)" or "". */
    public static String hint(String word, Collection<String> keywords) {
        return closest(word, keywords).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }
}
