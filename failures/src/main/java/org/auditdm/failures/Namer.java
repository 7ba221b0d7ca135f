package org.auditdm.failures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a cluster into a failure type: its definition is the input and consensus facets that most of its
 * members share; its name and description say, in words, what those facets and the members' answers have
 * in common ("colour: orange read as red after recolouring").
 */
public final class Namer {
    /** Share of members a facet needs to enter the definition. */
    public static final double SHARED = 0.75;
    /** Share of members a target answer or error direction needs to enter the name. */
    public static final double DOMINANT = 0.5;

    private static final Set<String> ABOUT_INPUT_ONLY = Set.of("mode", "pairing");
    private static final Map<String, String> FAMILY = Map.ofEntries(
            Map.entry("existence", "existence"), Map.entry("count", "counting"),
            Map.entry("count-attribute", "counting by attribute"), Map.entry("color", "colour"),
            Map.entry("shape", "shape"), Map.entry("size", "size"), Map.entry("fill", "fill pattern"),
            Map.entry("size-compare", "size comparison"), Map.entry("spatial", "spatial relation"),
            Map.entry("position", "position"), Map.entry("count-compare", "count comparison"),
            Map.entry("binding", "attribute binding"), Map.entry("negation", "negation"),
            Map.entry("uniqueness", "uniqueness"), Map.entry("color-count", "colour counting"),
            Map.entry("text-reading", "text reading"), Map.entry("sign-color", "sign colour"),
            Map.entry("chart-value", "chart value"), Map.entry("chart-extreme", "chart extreme"),
            Map.entry("chart-compare", "chart comparison"), Map.entry("clock", "clock reading"));
    private static final Map<String, String> EDIT = Map.ofEntries(
            Map.entry("recolor", "recolouring"), Map.entry("remove", "removing objects"),
            Map.entry("add", "adding objects"), Map.entry("moveto", "moving an object"),
            Map.entry("movebeside", "moving an object beside another"), Map.entry("resize", "resizing"),
            Map.entry("scale", "scaling"), Map.entry("reshape", "reshaping"), Map.entry("refill", "changing a fill"),
            Map.entry("rotate", "rotating"), Map.entry("swap", "swapping objects"), Map.entry("label", "labelling"),
            Map.entry("unlabel", "removing a label"), Map.entry("setsigntext", "rewriting the sign"),
            Map.entry("setbar", "changing a bar"), Map.entry("setclock", "setting the clock"),
            Map.entry("setbackground", "changing the background"), Map.entry("clutter", "clutter edits"));

    private Namer() {
    }

    /**
     * The definition of a cluster: facets (other than the target's own answer) that at least
     * {@link #SHARED} of its members have. Empty when members share only how they were made (mode,
     * pairing): such a cluster is too mixed to be a type.
     */
    public static Optional<TypeDefinition> define(List<Observation> members) {
        Map<Facet, Long> counts = members.stream().flatMap(o -> o.facets().stream())
                .filter(Namer::defining)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        List<Facet> shared = new ArrayList<>();
        counts.forEach((f, n) -> {
            if (n >= SHARED * members.size()) {
                shared.add(f);
            }
        });
        if (shared.stream().allMatch(f -> ABOUT_INPUT_ONLY.contains(f.key()))) {
            return Optional.empty();
        }
        return Optional.of(new TypeDefinition(shared));
    }

    /**
     * Facets that can define a type: what was asked, about what, how the image was changed, and what the
     * ensemble answered. Not the target's own answer (that is the failure), and not the pairing or a plain
     * question/edit mode: the same confusion on the seed image and on an edited one is one type (an edit
     * kind or a regenerated image, which can matter, still counts).
     */
    static boolean defining(Facet f) {
        if (f.key().startsWith("target") || f.key().equals("error") || f.key().equals("pairing")) {
            return false;
        }
        return !f.key().equals("mode") || f.value().equals("caption");
    }

    /** A short name from the definition and the answers members mostly share. */
    public static String name(TypeDefinition def, List<Observation> members) {
        StringBuilder s = new StringBuilder();
        String family = def.value("family");
        s.append(family == null ? "free-form questions" : FAMILY.getOrDefault(family, family));
        String subject = phrase(def, "subject");
        if (!subject.isEmpty()) {
            s.append(" of ").append(subject);
        }
        String comparison = def.value("comparison");
        String relation = def.value("relation");
        String other = phrase(def, "other");
        if (relation != null || comparison != null) {
            s.append(" (").append((relation != null ? relation : comparison).replace('-', ' '));
            if (!other.isEmpty()) {
                s.append(' ').append(other);
            }
            s.append(')');
        }
        List<String> parts = new ArrayList<>();
        String consensus = def.value("consensus");
        String target = dominant(members, "target").orElse(null);
        String error = dominant(members, "error").orElse(null);
        if (error != null && (error.equals("undercount") || error.equals("overcount"))) {
            parts.add("target " + error + "s");
            String bucket = def.value("consensus.count");
            if (bucket != null && consensus == null) {
                parts.add("(ensemble counts " + bucket + ")");
            }
        } else if (consensus != null && target != null && !target.equals(consensus)) {
            parts.add("'" + consensus + "' answered '" + target + "'");
        } else if (consensus != null) {
            parts.add("when the answer is '" + consensus + "'");
        } else if (target != null) {
            parts.add("target answers '" + target + "'");
        }
        String how = imageMaking(def);
        if (!how.isEmpty()) {
            parts.add(how);
        }
        if (!parts.isEmpty()) {
            s.append(": ").append(String.join(" ", parts));
        }
        return s.toString();
    }

    /** One or two sentences: an example probe and the answer pattern, with shares. */
    public static String describe(TypeDefinition def, List<Observation> members) {
        Observation ex = members.get(0);
        StringBuilder s = new StringBuilder();
        s.append(members.size()).append(members.size() == 1 ? " finding" : " findings")
                .append(" such as \"").append(ex.probe().question()).append('"');
        if (ex.imageText() != null) {
            s.append(" on an image made by \"").append(ex.imageText()).append('"');
        }
        s.append(". Shared: ").append(def.facets().stream().map(Facet::toString).collect(Collectors.joining(", ")))
                .append('.');
        dominantShare(members, "target").ifPresent(e -> s.append(String.format(Locale.ROOT,
                " The target answers '%s' in %.0f%% of them.", e.getKey(), 100 * e.getValue())));
        dominantShare(members, "consensus").ifPresent(e -> s.append(String.format(Locale.ROOT,
                " The ensemble says '%s' in %.0f%%.", e.getKey(), 100 * e.getValue())));
        return s.toString();
    }

    private static String imageMaking(TypeDefinition def) {
        String edit = def.value("edit");
        if (edit != null) {
            if (edit.equals("perturb")) {
                String p = def.value("edit.perturbation");
                return p == null ? "after photometric edits" : "after " + p.replace('-', ' ');
            }
            String c = def.value("edit.color");
            return "after " + EDIT.getOrDefault(edit, edit) + (c != null ? " to " + c : "");
        }
        if ("caption".equals(def.value("mode"))) {
            return "on regenerated images";
        }
        return "";
    }

    private static String phrase(TypeDefinition def, String role) {
        List<String> words = new ArrayList<>();
        for (String attr : List.of("size", "color", "fill")) {
            String v = def.value(role + "." + attr);
            if (v != null) {
                words.add(v);
            }
        }
        String shape = def.value(role + ".shape");
        if (shape != null) {
            words.add(shape.endsWith("s") ? shape + "es" : shape + "s");
        } else if (!words.isEmpty()) {
            words.add("objects");
        }
        return String.join(" ", words);
    }

    private static Optional<String> dominant(List<Observation> members, String key) {
        return dominantShare(members, key).filter(e -> e.getValue() >= DOMINANT).map(Map.Entry::getKey);
    }

    private static Optional<Map.Entry<String, Double>> dominantShare(List<Observation> members, String key) {
        Map<String, Long> counts = members.stream().flatMap(o -> o.facets().stream())
                .filter(f -> f.key().equals(key))
                .collect(Collectors.groupingBy(Facet::value, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> Map.entry(e.getKey(), (double) e.getValue() / members.size()));
    }
}
