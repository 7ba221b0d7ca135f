package org.auditdm.audit.config;

import org.auditdm.world.text.Lexicon;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.auditdm.audit.run.RunJson;

/**
 * Resolves an {@link AuditConfig} in three layers: the documented defaults shipped in the jar
 * ({@code defaults.json}), then a user JSON file (any subset of the fields), then command-line flags
 * ({@code field=value}). Later layers replace whole values. Unknown fields are errors, with a
 * suggestion for a likely typo.
 */
public final class AuditConfigLoader {
    private static final String DEFAULTS = "defaults.json";
    private static final String DOC = "$doc";

    private AuditConfigLoader() {
    }

    /** The default values (without documentation). */
    public static ObjectNode defaults() {
        ObjectNode n = readDefaults();
        n.remove(DOC);
        return n;
    }

    /** Field name to its one-line documentation. */
    public static Map<String, String> documentation() {
        Map<String, String> out = new LinkedHashMap<>();
        readDefaults().get(DOC).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The defaults alone. */
    public static AuditConfig load() {
        return load(null, Map.of());
    }

    /**
     * @param userFile a JSON object with some fields, or null
     * @param flags field name to value as typed on a command line: lists comma-separated
     *     ({@code references=M,L}), mode weights as {@code question=2,edit=1}
     */
    public static AuditConfig load(Path userFile, Map<String, String> flags) {
        ObjectNode merged = defaults();
        if (userFile != null) {
            overlay(merged, readUser(userFile), "in " + userFile);
        }
        ObjectNode fromFlags = RunJson.mapper().createObjectNode();
        for (Map.Entry<String, String> f : flags.entrySet()) {
            JsonNode like = merged.get(f.getKey());
            if (like == null) {
                throw unknown(f.getKey(), "given as a flag");
            }
            fromFlags.set(f.getKey(), parseFlag(f.getKey(), f.getValue(), like));
        }
        overlay(merged, fromFlags, "given as a flag");
        return AuditConfig.fromJson(merged);
    }

    private static void overlay(ObjectNode base, JsonNode layer, String where) {
        if (!layer.isObject()) {
            throw new IllegalArgumentException("config " + where + " must be a JSON object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = layer.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(DOC)) {
                continue;
            }
            if (!base.has(e.getKey())) {
                throw unknown(e.getKey(), where);
            }
            base.set(e.getKey(), e.getValue());
        }
    }

    private static JsonNode parseFlag(String name, String value, JsonNode like) {
        String v = value.trim();
        if (like.isArray()) {
            ArrayNode a = RunJson.mapper().createArrayNode();
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    a.add(part.trim());
                }
            }
            return a;
        }
        if (like.isObject()) {
            ObjectNode o = RunJson.mapper().createObjectNode();
            for (String part : v.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw AuditConfig.invalid(name, "flag must look like question=1,edit=1,caption=1, got '" + value + "'");
                }
                o.set(kv[0].trim(), number(name + "." + kv[0].trim(), kv[1].trim()));
            }
            return o;
        }
        if (like.isBoolean()) {
            if (!v.equals("true") && !v.equals("false")) {
                throw AuditConfig.invalid(name, "must be true or false, got '" + value + "'");
            }
            return RunJson.mapper().getNodeFactory().booleanNode(v.equals("true"));
        }
        if (like.isNumber()) {
            return number(name, v);
        }
        return RunJson.mapper().getNodeFactory().textNode(v);
    }

    private static JsonNode number(String name, String v) {
        try {
            JsonNode n = RunJson.mapper().readTree(v);
            if (n != null && n.isNumber()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw AuditConfig.invalid(name, "must be a number, got '" + v + "'");
    }

    private static IllegalArgumentException unknown(String key, String where) {
        String hint = AuditConfig.fieldNames().stream()
                .min(Comparator.comparingInt(f -> Lexicon.distance(f.toLowerCase(), key.toLowerCase())))
                .filter(f -> Lexicon.distance(f.toLowerCase(), key.toLowerCase()) <= Math.max(2, key.length() / 3))
                .map(f -> " (did you mean '" + f + "'?)")
                .orElse(" (fields: " + String.join(", ", AuditConfig.fieldNames()) + ")");
        return new IllegalArgumentException("unknown config field '" + key + "' " + where + hint);
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = AuditConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + DEFAULTS);
            }
            return (ObjectNode) RunJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readUser(Path file) {
        try {
            return RunJson.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config file " + file + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }

}
