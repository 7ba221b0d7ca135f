package org.auditdm.api;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges short answers equal after normalisation: case, accents, punctuation, articles and filler
 * ("it is", "the answer is"), number words ("two" = "2"), spelling variants ("grey" = "gray",
 * "centre" = "center"), yes/no variants ("yeah", "true", "correct"), clock times ("03:45" =
 * "3:45", "3 o'clock" = "3:00") and a trailing plural on a single word. Exact and fast, for the
 * closed answers of visual questions; free-form answers need a semantic judge.
 */
public final class NormalizingJudge implements AnswerJudge {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("none", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
            Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("grey", "gray"), Map.entry("colour", "color"), Map.entry("centre", "center"),
            Map.entry("middle", "center"), Map.entry("violet", "purple"), Map.entry("big", "large"),
            Map.entry("tiny", "small"), Map.entry("little", "small"), Map.entry("upper", "top"),
            Map.entry("lower", "bottom"), Map.entry("outlined", "outline"), Map.entry("hollow", "outline"),
            Map.entry("stripes", "striped"), Map.entry("filled", "solid"));

    private static final Map<String, String> WHOLE = Map.ofEntries(
            Map.entry("yeah", "yes"), Map.entry("yep", "yes"), Map.entry("true", "yes"),
            Map.entry("correct", "yes"), Map.entry("affirmative", "yes"), Map.entry("y", "yes"),
            Map.entry("nope", "no"), Map.entry("false", "no"), Map.entry("incorrect", "no"),
            Map.entry("n", "no"), Map.entry("not at all", "no"));

    private static final Pattern TIME = Pattern.compile("^0?(\\d{1,2})\\s*:\\s*(\\d{2})$");
    private static final Pattern OCLOCK = Pattern.compile("^(\\d{1,2})\\s*o\\s*clock$");
    private static final Pattern FILLER = Pattern.compile(
            "^(the answer is|answer|it is|it's|its|there are|there is|they are|i think|i see)\\s+");
    private static final Pattern ARTICLE = Pattern.compile("\\b(a|an|the)\\b");

    @Override
    public boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** The canonical form used for comparison. Never null. */
    public static String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String s = Normalizer.normalize(answer, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).trim();
        Matcher time = TIME.matcher(s.replaceAll("[.!?]+$", ""));
        if (time.matches()) {
            return Integer.parseInt(time.group(1)) + ":" + time.group(2);
        }
        s = s.replace('\'', ' ').replace('-', ' ').replace('_', ' ');
        s = s.replaceAll("[^\\p{L}\\p{N}: ]+", " ").replaceAll("\\s+", " ").trim();
        s = FILLER.matcher(s).replaceFirst("");
        Matcher oclock = OCLOCK.matcher(s);
        if (oclock.matches()) {
            return Integer.parseInt(oclock.group(1)) + ":00";
        }
        if (!s.equals("a") && !s.equals("the") && !s.equals("an")) {
            s = ARTICLE.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").trim();
        }
        String whole = WHOLE.get(s);
        if (whole != null) {
            return whole;
        }
        String joined = Arrays.stream(s.split(" "))
                .map(w -> WORDS.getOrDefault(w, w))
                .collect(Collectors.joining(" "));
        time = TIME.matcher(joined);
        if (time.matches()) {
            return Integer.parseInt(time.group(1)) + ":" + time.group(2);
        }
        if (!joined.contains(" ") && joined.length() > 3 && joined.endsWith("s") && !joined.endsWith("ss")) {
            String stem = joined.endsWith("sses") || joined.endsWith("xes") || joined.endsWith("shes") || joined.endsWith("ches")
                    ? joined.substring(0, joined.length() - 2) : joined.substring(0, joined.length() - 1);
            return WORDS.getOrDefault(stem, stem);
        }
        return joined;
    }
}
