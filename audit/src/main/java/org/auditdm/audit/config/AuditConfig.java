package org.auditdm.audit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.auditdm.api.ProbeMode;
import org.auditdm.connectors.TargetSpec;
import org.auditdm.audit.run.CallPolicy;
import org.auditdm.audit.run.DiscoverySettings;
import org.auditdm.audit.run.RunJson;

/**
 * The resolved configuration of an audit. Field meanings and defaults are documented in
 * {@code defaults.json} next to this class; {@link AuditConfigLoader} builds one from defaults, a
 * user file and flags. Every check names the field it is about.
 */
public record AuditConfig(String target, List<String> references, long seedPool, int seedOffset, int seeds,
                          long seed, Map<ProbeMode, Double> modeWeights, int samplesPerSeed,
                          boolean pairNewQuestionWithNewImage, int groupSize, int steps, int imageSide,
                          long timeoutMillis, int retries, long retryBackoffMillis, String output,
                          Map<String, Double> discoveryMix, List<TargetSpec> targets, String auditor,
                          String seedsDir, String seedQuestion, boolean checkPresuppositions,
                          double learningRate, double klWeight, double minConfidence,
                          double validTextReward, double temperature, String imageTextCredit) {

    /** Auditors a discovery can mix: the GRPO-trained one, the supervised base, and world-text sampling. */
    public static final List<String> DISCOVERY_AUDITORS = List.of("rl", "base", "world");
    /** The auditor used when none is named: the RL-trained policy. */
    public static final String POLICY_AUDITOR = "policy";
    /** Prefix of an auditor reached over HTTP: {@code http:} and a target spec's name. */
    public static final String HTTP_AUDITOR = "http:";

    /** RL learning rate when a config does not set one (runs recorded before the field existed used it). */
    public static final double DEFAULT_LEARNING_RATE = 1e-4;
    /** GRPO credits an edit or caption of a paired group with the pair's reward alone (the first design). */
    public static final String CREDIT_PAIR = "pair";
    /** GRPO credits an edit or caption of a paired group with both probes its image makes. */
    public static final String CREDIT_BOTH = "both";

    /** RL KL weight when a config does not set one (runs recorded before the field existed used it). */
    public static final double DEFAULT_KL_WEIGHT = 0.02;

    public AuditConfig {
        requireText("target", target);
        if (!(learningRate > 0) || learningRate > 1 || Double.isNaN(learningRate)) {
            throw invalid("learningRate", "must be in (0, 1], got " + learningRate);
        }
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw invalid("klWeight", "must be a non-negative number, got " + klWeight);
        }
        if (!(temperature > 0 && temperature <= 5)) {
            throw invalid("temperature", "must be in (0, 5], got " + temperature);
        }
        if (!(validTextReward >= 0 && validTextReward < 1)) {
            throw invalid("validTextReward", "must be in [0, 1) (0: off), got " + validTextReward);
        }
        imageTextCredit = imageTextCredit == null ? CREDIT_PAIR : imageTextCredit.strip();
        if (!imageTextCredit.equals(CREDIT_PAIR) && !imageTextCredit.equals(CREDIT_BOTH)) {
            throw invalid("imageTextCredit", "must be '" + CREDIT_PAIR + "' or '" + CREDIT_BOTH + "', got '"
                    + imageTextCredit + "'");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw invalid("minConfidence", "must be in [0, 1] (0: off), got " + minConfidence);
        }
        if (references == null || references.isEmpty()) {
            throw invalid("references", "must name at least one reference model");
        }
        for (String r : references) {
            requireText("references", r);
        }
        if (new HashSet<>(references).size() != references.size()) {
            throw invalid("references", "names a model twice: " + references);
        }
        if (references.contains(target)) {
            throw invalid("references", "must not contain the target '" + target + "'");
        }
        references = List.copyOf(references);
        if (discoveryMix == null || discoveryMix.isEmpty()) {
            throw invalid("discoveryMix", "must give a weight to at least one of " + DISCOVERY_AUDITORS);
        }
        double mixTotal = 0;
        for (Map.Entry<String, Double> e : discoveryMix.entrySet()) {
            if (!DISCOVERY_AUDITORS.contains(e.getKey())) {
                throw invalid("discoveryMix", "unknown auditor '" + e.getKey() + "' (auditors: " + DISCOVERY_AUDITORS + ")");
            }
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw invalid("discoveryMix." + e.getKey(), "must be a non-negative number, got " + e.getValue());
            }
            mixTotal += e.getValue();
        }
        if (!(mixTotal > 0)) {
            throw invalid("discoveryMix", "must give a positive weight to at least one auditor");
        }
        discoveryMix = Collections.unmodifiableMap(new java.util.TreeMap<>(discoveryMix));
        atLeast("seedOffset", seedOffset, 0);
        atLeast("seeds", seeds, 1);
        if (modeWeights == null || modeWeights.isEmpty()) {
            throw invalid("modeWeights", "must give a weight to at least one of question, edit, caption");
        }
        double total = 0;
        for (Map.Entry<ProbeMode, Double> e : modeWeights.entrySet()) {
            Double w = e.getValue();
            if (w == null || !(w >= 0) || w.isInfinite()) {
                throw invalid("modeWeights." + e.getKey().word(), "must be a non-negative number, got " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw invalid("modeWeights", "must give a positive weight to at least one mode");
        }
        modeWeights = Collections.unmodifiableMap(new EnumMap<>(modeWeights));
        atLeast("samplesPerSeed", samplesPerSeed, 1);
        atLeast("groupSize", groupSize, 2); // GRPO normalises within a group: one sample has no advantage
        atLeast("steps", steps, 0);
        if (imageSide < 16 || imageSide > 4096) {
            throw invalid("imageSide", "must be in [16, 4096], got " + imageSide);
        }
        atLeast("timeoutMillis", timeoutMillis, 1);
        atLeast("retries", retries, 0);
        atLeast("retryBackoffMillis", retryBackoffMillis, 0);
        requireText("output", output);
        targets = targets == null ? List.of() : List.copyOf(targets);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetSpec t = targets.get(i);
            if (t.name() == null) {
                throw invalid("targets[" + i + "]", "needs a 'name': --target, --reference and --auditor refer to "
                        + "target specs by name");
            }
            if (!names.add(t.name())) {
                throw invalid("targets[" + i + "]", "repeats the name '" + t.name() + "'");
            }
        }
        auditor = auditor == null || auditor.isBlank() ? POLICY_AUDITOR : auditor.strip();
        if (!auditor.equals(POLICY_AUDITOR)) {
            if (!auditor.startsWith(HTTP_AUDITOR)) {
                throw invalid("auditor", "must be '" + POLICY_AUDITOR + "' or 'http:NAME' (NAME a target spec), got '"
                        + auditor + "'");
            }
            String spec = auditor.substring(HTTP_AUDITOR.length());
            if (!names.contains(spec)) {
                throw invalid("auditor", "names no target spec '" + spec + "' (declared: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
            }
        }
        seedsDir = seedsDir == null ? "" : seedsDir.strip();
        seedQuestion = seedQuestion == null ? "" : seedQuestion.strip();
    }

    /** The spec declared under {@code name}, if any. */
    public java.util.Optional<TargetSpec> targetSpec(String name) {
        return targets.stream().filter(t -> name.equals(t.name())).findFirst();
    }

    /** Whether the auditor is a chat model over HTTP (prompt-only, no RL). */
    public boolean httpAuditor() {
        return !auditor.equals(POLICY_AUDITOR);
    }

    /** Whether the seeds are photos from a folder instead of the world's seed pool. */
    public boolean photoSeeds() {
        return !seedsDir.isEmpty();
    }

    /** Fails, naming the field, when the target or a reference is not among {@code known} models. */
    public void requireKnownModels(Collection<String> known) {
        if (!known.contains(target)) {
            throw invalid("target", "unknown model '" + target + "' (known: " + String.join(", ", known) + ")");
        }
        for (String r : references) {
            if (!known.contains(r)) {
                throw invalid("references", "unknown model '" + r + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** Whether GRPO credits a paired edit or caption with both probes its image makes. */
    public boolean creditBothPairings() {
        return imageTextCredit.equals(CREDIT_BOTH);
    }

    public CallPolicy callPolicy() {
        return new CallPolicy(Duration.ofMillis(timeoutMillis), retries, Duration.ofMillis(retryBackoffMillis));
    }

    public DiscoverySettings discoverySettings() {
        return new DiscoverySettings(modeWeights, samplesPerSeed, pairNewQuestionWithNewImage, seed);
    }

    /** The configuration as JSON, in the same shape the defaults and user files use. */
    public ObjectNode toJson() {
        ObjectNode n = RunJson.mapper().createObjectNode();
        n.put("target", target);
        ArrayNode refs = n.putArray("references");
        references.forEach(refs::add);
        n.put("seedPool", seedPool);
        n.put("seedOffset", seedOffset);
        n.put("seeds", seeds);
        n.put("seed", seed);
        ObjectNode w = n.putObject("modeWeights");
        modeWeights.forEach((m, v) -> w.put(m.word(), v));
        n.put("samplesPerSeed", samplesPerSeed);
        n.put("pairNewQuestionWithNewImage", pairNewQuestionWithNewImage);
        n.put("groupSize", groupSize);
        n.put("steps", steps);
        n.put("imageSide", imageSide);
        n.put("timeoutMillis", timeoutMillis);
        n.put("retries", retries);
        n.put("retryBackoffMillis", retryBackoffMillis);
        n.put("output", output);
        ObjectNode mix = n.putObject("discoveryMix");
        discoveryMix.forEach(mix::put);
        n.put("checkPresuppositions", checkPresuppositions);
        if (learningRate != DEFAULT_LEARNING_RATE) {
            n.put("learningRate", learningRate);
        }
        if (klWeight != DEFAULT_KL_WEIGHT) {
            n.put("klWeight", klWeight);
        }
        if (minConfidence != 0) {
            n.put("minConfidence", minConfidence);
        }
        if (validTextReward != 0) {
            n.put("validTextReward", validTextReward);
        }
        if (temperature != 1) {
            n.put("temperature", temperature);
        }
        if (!imageTextCredit.equals(CREDIT_PAIR)) {
            n.put("imageTextCredit", imageTextCredit);
        }
        // Left out at their defaults, so that runs made before these fields existed still resume.
        if (!targets.isEmpty()) {
            ArrayNode a = n.putArray("targets");
            for (TargetSpec t : targets) {
                try {
                    a.add(RunJson.mapper().readTree(t.toJson()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (!auditor.equals(POLICY_AUDITOR)) {
            n.put("auditor", auditor);
        }
        if (!seedsDir.isEmpty()) {
            n.put("seedsDir", seedsDir);
        }
        if (!seedQuestion.isEmpty()) {
            n.put("seedQuestion", seedQuestion);
        }
        return n;
    }

    /** Reads a complete configuration; every field must be present and of the right type. */
    public static AuditConfig fromJson(JsonNode n) {
        return new AuditConfig(text(n, "target"), texts(n, "references"), integer(n, "seedPool"),
                (int) integer(n, "seedOffset", Integer.MIN_VALUE, Integer.MAX_VALUE),
                (int) integer(n, "seeds", Integer.MIN_VALUE, Integer.MAX_VALUE), integer(n, "seed"), weights(n),
                (int) integer(n, "samplesPerSeed", Integer.MIN_VALUE, Integer.MAX_VALUE), bool(n, "pairNewQuestionWithNewImage"),
                (int) integer(n, "groupSize", Integer.MIN_VALUE, Integer.MAX_VALUE),
                (int) integer(n, "steps", Integer.MIN_VALUE, Integer.MAX_VALUE),
                (int) integer(n, "imageSide", Integer.MIN_VALUE, Integer.MAX_VALUE), integer(n, "timeoutMillis"),
                (int) integer(n, "retries", Integer.MIN_VALUE, Integer.MAX_VALUE), integer(n, "retryBackoffMillis"),
                text(n, "output"), mix(n), targets(n), optionalText(n, "auditor"), optionalText(n, "seedsDir"),
                optionalText(n, "seedQuestion"), optionalBool(n, "checkPresuppositions"),
                optionalNumber(n, "learningRate", DEFAULT_LEARNING_RATE), optionalNumber(n, "klWeight", DEFAULT_KL_WEIGHT),
                optionalNumber(n, "minConfidence", 0), optionalNumber(n, "validTextReward", 0),
                optionalNumber(n, "temperature", 1), optionalText(n, "imageTextCredit"));
    }

    /** Absent in runs recorded before the field existed: they did not check. */
    private static boolean optionalBool(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw invalid(name, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    /** Absent in runs recorded before the field existed: they used {@code fallback}. */
    private static double optionalNumber(JsonNode n, String name, double fallback) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw invalid(name, "must be a number, got " + v);
        }
        return v.asDouble();
    }

    /** Runs recorded before the field existed discovered with the trained auditor alone. */
    private static Map<String, Double> mix(JsonNode n) {
        JsonNode v = n.get("discoveryMix");
        if (v == null || v.isNull()) {
            return Map.of("rl", 1.0);
        }
        if (!v.isObject()) {
            throw invalid("discoveryMix", "must be an object like {\"rl\": 0.5, \"base\": 0.25, \"world\": 0.25}, got " + v);
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw invalid("discoveryMix." + e.getKey(), "must be a number, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static String optionalText(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(name, "must be a string, got " + v);
        }
        return v.asText();
    }

    private static List<TargetSpec> targets(JsonNode n) {
        JsonNode v = n.get("targets");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid("targets", "must be a list of target specs like {\"name\": \"gpt\", \"kind\": \"openai\", "
                    + "\"model\": \"gpt-4o-mini\"}, got " + v);
        }
        List<TargetSpec> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v) {
            try {
                out.add(TargetSpec.parse(e.toString()));
            } catch (IllegalArgumentException ex) {
                throw invalid("targets[" + i + "]", ex.getMessage());
            }
            i++;
        }
        return out;
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw invalid(name, "is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw invalid(name, "must be a string, got " + v);
        }
        return v.asText();
    }

    private static List<String> texts(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) {
            throw invalid(name, "must be a list of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw invalid(name, "must be a list of strings, got " + v);
            }
            out.add(e.asText());
        }
        return out;
    }

    private static long integer(JsonNode n, String name) {
        return integer(n, name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long integer(JsonNode n, String name, long min, long max) {
        JsonNode v = field(n, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw invalid(name, "must be a whole number, got " + v);
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isBoolean()) {
            throw invalid(name, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    private static Map<ProbeMode, Double> weights(JsonNode n) {
        JsonNode v = field(n, "modeWeights");
        if (!v.isObject()) {
            throw invalid("modeWeights", "must be an object like {\"question\": 1, \"edit\": 1, \"caption\": 1}, got " + v);
        }
        EnumMap<ProbeMode, Double> out = new EnumMap<>(ProbeMode.class);
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ProbeMode mode = mode(e.getKey());
            if (!e.getValue().isNumber()) {
                throw invalid("modeWeights." + e.getKey(), "must be a number, got " + e.getValue());
            }
            out.put(mode, e.getValue().asDouble());
        }
        return out;
    }

    private static ProbeMode mode(String word) {
        for (ProbeMode m : ProbeMode.values()) {
            if (m.word().equals(word.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw invalid("modeWeights", "unknown mode '" + word + "' (modes: question, edit, caption)");
    }

    private static void requireText(String name, String v) {
        if (v == null || v.isBlank()) {
            throw invalid(name, "must not be empty");
        }
    }

    private static void atLeast(String name, long v, long min) {
        if (v < min) {
            throw invalid(name, "must be at least " + min + ", got " + v);
        }
    }

    static IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException("config field '" + field + "' " + problem);
    }

    /** The field names, in file order. */
    public static Set<String> fieldNames() {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (var c : AuditConfig.class.getRecordComponents()) {
            out.add(c.getName());
        }
        return out;
    }
}
