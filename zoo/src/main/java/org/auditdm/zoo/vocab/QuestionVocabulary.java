package org.auditdm.zoo.vocab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level vocabulary for questions. Id 0 is {@value #PAD}, id 1 is {@value #UNK}; the remaining ids
 * are the corpus words, most frequent first (ties alphabetical) so a vocabulary built from the same
 * corpus is always the same. Stored verbatim in every checkpoint.
 */
public final class QuestionVocabulary {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final int PAD_ID = 0;
    public static final int UNK_ID = 1;

    /** Clock times such as "3:45" stay one token; otherwise runs of letters or digits. */
    private static final Pattern TOKEN = Pattern.compile("\\d{1,2}:\\d{2}|[\\p{L}\\p{N}]+");

    private final List<String> words;
    private final Map<String, Integer> ids;

    /** Wraps a stored word list, which must start with {@value #PAD} and {@value #UNK} and hold no duplicates. */
    public QuestionVocabulary(List<String> words) {
        Objects.requireNonNull(words, "words");
        if (words.size() < 2 || !PAD.equals(words.get(0)) || !UNK.equals(words.get(1))) {
            throw new IllegalArgumentException("question vocabulary must start with " + PAD + ", " + UNK);
        }
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w == null || w.isEmpty()) {
                throw new IllegalArgumentException("question vocabulary entry " + i + " is empty");
            }
            if (m.put(w, i) != null) {
                throw new IllegalArgumentException("question vocabulary has duplicate word '" + w + "' at " + i);
            }
        }
        this.words = List.copyOf(words);
        this.ids = m;
    }

    /** Lower-cases and splits on everything but letters and digits, keeping "3:45" times whole. */
    public static List<String> tokenize(String question) {
        Matcher m = TOKEN.matcher(question.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Builds the vocabulary of all words seen at least {@code minCount} times, at most {@code maxSize} entries in all. */
    public static QuestionVocabulary build(Iterable<String> corpus, int minCount, int maxSize) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (maxSize < 2) {
            throw new IllegalArgumentException("maxSize must be >= 2, got " + maxSize);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String q : corpus) {
            for (String t : tokenize(q)) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() < minCount);
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Collections.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> words = new ArrayList<>(List.of(PAD, UNK));
        for (Map.Entry<String, Integer> e : entries) {
            if (words.size() >= maxSize) {
                break;
            }
            words.add(e.getKey());
        }
        return new QuestionVocabulary(words);
    }

    /** Number of ids, including the two specials. */
    public int size() {
        return words.size();
    }

    /** The stored word list (id order). */
    public List<String> words() {
        return words;
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNK_ID);
    }

    /**
     * Encodes a question into exactly {@code maxTokens} ids at {@code out[offset...]}: unknown words map to
     * {@value #UNK}, longer questions are truncated, shorter ones padded with {@value #PAD}.
     *
     * @return the number of real (non-pad) tokens written
     */
    public int encode(String question, int maxTokens, int[] out, int offset) {
        List<String> tokens = tokenize(question);
        int n = Math.min(tokens.size(), maxTokens);
        for (int i = 0; i < maxTokens; i++) {
            out[offset + i] = i < n ? id(tokens.get(i)) : PAD_ID;
        }
        return n;
    }

    /** The distinct words of a corpus in first-seen order (a helper for callers that want to inspect coverage). */
    public static List<String> distinctWords(Iterable<String> corpus) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        corpus.forEach(q -> s.addAll(tokenize(q)));
        return List.copyOf(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuestionVocabulary v && v.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "QuestionVocabulary[" + words.size() + " words]";
    }
}
