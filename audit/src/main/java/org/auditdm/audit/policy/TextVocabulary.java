package org.auditdm.audit.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.edit.Edit;
import org.auditdm.world.probe.ProbeTextSampler;
import org.auditdm.world.question.Template;
import org.auditdm.world.question.Templates;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;
import org.auditdm.world.scene.Texture;

/**
 * Word-level tokens of auditor text. Words are lower-cased (the world's parsers read sign text,
 * labels and bar letters case-insensitively), numbers are tokens of their own, a clock time
 * {@code 3:45} is split into hour, {@code :} and two-digit minute (so 720 times cost 72 tokens),
 * and every other visible character is a punctuation token. Special tokens come first: {@code <pad>}
 * (id 0), {@code <bos>}, {@code <eos>}, {@code <unk>}, then one mode token per {@link ProbeMode}.
 */
public final class TextVocabulary {
    public static final String PAD = "<pad>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final String UNK = "<unk>";
    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;
    public static final int UNK_ID = 3;

    private static final Pattern TOKEN = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?!\\d)|[A-Za-z][A-Za-z0-9]*(?:['-][A-Za-z][A-Za-z0-9]*)*|\\d+|\\S");
    private static final String CLOSERS = ",;.?!";

    private final List<String> words;
    private final Map<String, Integer> ids = new HashMap<>();

    /** A vocabulary with exactly these tokens in this order (specials and mode tokens must lead). */
    public TextVocabulary(List<String> words) {
        List<String> head = specials();
        if (words.size() < head.size() || !words.subList(0, head.size()).equals(head)) {
            throw new IllegalArgumentException("a text vocabulary starts with " + head);
        }
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            if (ids.put(this.words.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + this.words.get(i) + "' appears twice");
            }
        }
    }

    /** The leading tokens: pad, bos, eos, unk and one mode token per probe mode. */
    public static List<String> specials() {
        List<String> out = new ArrayList<>(List.of(PAD, BOS, EOS, UNK));
        for (ProbeMode m : ProbeMode.values()) {
            out.add(modeToken(m));
        }
        return out;
    }

    public static String modeToken(ProbeMode mode) {
        return "<" + mode.word() + ">";
    }

    /**
     * The vocabulary of the world's auditor texts: the words of {@code corpusSize} sampled texts of
     * every mode (seeds of {@code new SeedPool(seed)}) plus the whole lexicon (colours, shapes, sizes,
     * fills, regions, numbers 0-12, minutes 00-59, letters, sign words, edit verbs, angles), so that
     * rare words the corpus missed are still present. Deterministic.
     */
    public static TextVocabulary world(int corpusSize, long seed) {
        TreeSet<String> w = new TreeSet<>(lexicon());
        ProbeTextSampler sampler = new ProbeTextSampler();
        SeedPool pool = new SeedPool(seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x7E57_AB1EL);
        for (int i = 0; i < corpusSize; i++) {
            Seed s = pool.get(i);
            w.addAll(split(s.question()));
            for (ProbeMode m : ProbeMode.values()) {
                w.addAll(split(sampler.sample(m, s.scene(), rng)));
            }
        }
        List<String> all = new ArrayList<>(specials());
        all.addAll(w);
        return new TextVocabulary(all);
    }

    private static Collection<String> lexicon() {
        List<String> out = new ArrayList<>();
        for (NamedColor c : NamedColor.values()) {
            out.add(c.word());
        }
        for (ShapeKind s : ShapeKind.values()) {
            out.add(s.word());
            out.add(s.plural());
        }
        for (SizeClass s : SizeClass.values()) {
            out.add(s.word());
        }
        for (Fill f : Fill.values()) {
            out.add(f.word());
        }
        out.add("outlined");
        for (Region r : Region.values()) {
            out.addAll(Arrays.asList(r.words().split(" ")));
        }
        for (TextSize t : TextSize.values()) {
            out.add(t.word());
        }
        for (Texture t : Texture.values()) {
            out.add(t.word());
        }
        for (int i = 0; i <= 12; i++) {
            out.add(Integer.toString(i));
        }
        for (int m = 0; m < 60; m++) {
            out.add(String.format(Locale.ROOT, "%02d", m));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            out.add(String.valueOf(c));
        }
        for (char c : ProbeTextSampler.LABEL_CHARS.toLowerCase(Locale.ROOT).toCharArray()) {
            out.add(String.valueOf(c));
        }
        for (String s : SceneSampler.SIGN_WORDS) {
            out.addAll(split(s));
        }
        for (int a : ProbeTextSampler.ROTATIONS) {
            out.add(Integer.toString(a));
        }
        for (Edit.Perturbation p : Edit.Perturbation.values()) {
            out.addAll(split(p.command()));
        }
        for (Template t : Templates.all()) {
            out.addAll(split(t.pattern().replaceAll("\\{[^}]*}", " ")));
        }
        // comparison and relation words that fill template slots
        out.addAll(List.of("bigger", "smaller", "larger", "more", "fewer", "less", "greater", "tallest", "shortest",
                "highest", "lowest", "higher", "lower", "taller", "shorter", "numerous", "above", "below", "left",
                "right", "of", "to", "the", "than", "that"));
        // caption words (CaptionWriter)
        out.addAll(List.of("an", "empty", "scene", "sign", "reading", "letters", "labelled", "bar", "chart", "with",
                "clock", "hands", "showing", "on", "background", "texture", "clutter", "blurred", "noisy", "low", "high",
                "contrast", "dark", "bright", "compressed", "at", "in", "and"));
        out.addAll(List.of("make", "remove", "add", "move", "to", "the", "turn", "into", "rotate", "by", "degrees",
                "swap", "and", "write", "on", "erase", "label", "change", "sign", "set", "bar", "clock", "background",
                "all", "a", "an", "left", "right", "of", "above", "below", "bigger", "smaller", "clutter", "at", "in",
                ":", ",", ";", ".", "?", "=", "\"", "'", "one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine", "ten", "eleven", "twelve"));
        return out;
    }

    /** The tokens of a text as strings (lower-cased; times split). Never fails. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(Integer.toString(Integer.parseInt(m.group(1))));
                out.add(":");
                out.add(m.group(2));
            } else {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Token ids of a text, without bos/eos; unknown words become {@link #UNK_ID}. */
    public int[] encode(String text) {
        return split(text).stream().mapToInt(w -> ids.getOrDefault(w, UNK_ID)).toArray();
    }

    /** True when every token of the text is in the vocabulary. */
    public boolean covers(String text) {
        return split(text).stream().allMatch(ids::containsKey);
    }

    /**
     * Text from token ids: stops at {@code <eos>}, skips pad/bos/mode tokens, joins words with
     * single spaces, glues closing punctuation to the word before, clock times back together, and
     * quotes to the text they enclose, so the world's tokenizer reads the same tokens back.
     */
    public String decode(int[] tokens) {
        List<String> w = new ArrayList<>();
        for (int id : tokens) {
            if (id == EOS_ID) {
                break;
            }
            if (id < 0 || id >= words.size()) {
                throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + words.size());
            }
            if (id == PAD_ID || id == BOS_ID || (id > UNK_ID && id < specials().size())) {
                continue;
            }
            w.add(words.get(id));
        }
        StringBuilder sb = new StringBuilder();
        boolean quoteOpen = false;
        boolean glueNext = true;
        for (int i = 0; i < w.size(); i++) {
            String t = w.get(i);
            boolean glue = glueNext;
            glueNext = false;
            if (t.length() == 1 && CLOSERS.contains(t)) {
                glue = true;
            } else if (t.equals(":") && i > 0 && isNumber(w.get(i - 1)) && i + 1 < w.size()
                    && w.get(i + 1).matches("\\d\\d")) {
                glue = true;
                glueNext = true;
            } else if (t.equals("\"")) {
                if (quoteOpen) {
                    glue = true;
                } else {
                    glueNext = true;
                }
                quoteOpen = !quoteOpen;
            }
            if (!glue && sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    public int size() {
        return words.size();
    }

    public int id(String word) {
        return ids.getOrDefault(word, UNK_ID);
    }

    public String word(int id) {
        return words.get(id);
    }

    /** Id of the mode token of {@code mode}. */
    public int modeId(ProbeMode mode) {
        return ids.get(modeToken(mode));
    }

    /** All tokens in id order. */
    public List<String> words() {
        return words;
    }

    /** True for ids a policy must never write: pad, bos, unk and mode tokens. */
    public boolean isUnwritable(int id) {
        return id == PAD_ID || id == BOS_ID || id == UNK_ID || (id > UNK_ID && id < specials().size());
    }
}
