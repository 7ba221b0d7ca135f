package org.auditdm.rectify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.auditdm.api.Picture;
import org.auditdm.zoo.train.LabeledExample;

/**
 * A named rectification data set: examples and how they were made. On disk:
 *
 * <pre>
 * DIR/dataset.json          {"name", "recipe": {...}, "size", "bySource": {"FINDING": n, ...},
 *                            "byFamily": {"count": n, "spatial": n, ...}}
 * DIR/examples.jsonl        one {@link RectificationExample} per line
 * DIR/images/SHA256.png     the pictures
 * </pre>
 *
 * @param name e.g. {@code auditdm}, {@code random}, {@code base-auditor}
 * @param recipe readable description of how it was built (options, counts, label statistics)
 */
public record DataSet(String name, Map<String, Object> recipe, List<RectificationExample> examples) {
    public static final String DESCRIPTION = "dataset.json";
    public static final String EXAMPLES = "examples.jsonl";
    public static final String IMAGES = "images";

    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public DataSet {
        Objects.requireNonNull(name, "name");
        recipe = Map.copyOf(recipe);
        examples = List.copyOf(examples);
    }

    /** Examples per source. */
    public Map<Source, Integer> bySource() {
        Map<Source, Integer> m = new EnumMap<>(Source.class);
        for (RectificationExample e : examples) {
            m.merge(e.provenance().source(), 1, Integer::sum);
        }
        return m;
    }

    /** Examples per question family ({@link QuestionFamilies}), in family-name order. */
    public Map<String, Integer> byFamily() {
        Map<String, Integer> m = new TreeMap<>();
        for (RectificationExample e : examples) {
            m.merge(e.family(), 1, Integer::sum);
        }
        return m;
    }

    /** The zoo's training examples (image, question, label). */
    public List<LabeledExample> labeled() {
        return examples.stream().map(RectificationExample::toLabeled).toList();
    }

    /** Concatenates parts in order, renumbering ids {@code NAME-000000...}, and keeps at most {@code size}. */
    public static DataSet compose(String name, Map<String, Object> recipe, List<List<RectificationExample>> parts,
                                  int size) {
        List<RectificationExample> all = new ArrayList<>();
        for (List<RectificationExample> p : parts) {
            for (RectificationExample e : p) {
                if (all.size() < size) {
                    all.add(e.withId(String.format(Locale.ROOT, "%s-%06d", name, all.size())));
                }
            }
        }
        return new DataSet(name, recipe, all);
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir.resolve(IMAGES));
            StringBuilder sb = new StringBuilder();
            for (RectificationExample e : examples) {
                Path png = dir.resolve(IMAGES).resolve(e.imageSha() + ".png");
                if (!Files.exists(png)) {
                    Files.write(png, e.image().toPng());
                }
                sb.append(JSON.writeValueAsString(e)).append('\n');
            }
            Files.writeString(dir.resolve(EXAMPLES), sb);
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("name", name);
            d.put("recipe", recipe);
            d.put("size", examples.size());
            d.put("bySource", bySource());
            d.put("byFamily", byFamily());
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(DESCRIPTION).toFile(), d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write data set " + name + " to " + dir, e);
        }
    }

    /** Reads a data set written by {@link #write}, pictures included (their hashes are checked). */
    @SuppressWarnings("unchecked")
    public static DataSet read(Path dir) {
        Path desc = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(desc)) {
            throw new IllegalArgumentException("no rectification data in " + dir + " (" + DESCRIPTION + " missing)");
        }
        try {
            Map<String, Object> d = JSON.readValue(desc.toFile(), Map.class);
            List<RectificationExample> examples = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir.resolve(EXAMPLES));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                RectificationExample e;
                try {
                    e = JSON.readValue(lines.get(i), RectificationExample.class);
                } catch (JsonProcessingException x) {
                    throw new IllegalArgumentException(dir.resolve(EXAMPLES) + " line " + (i + 1) + ": "
                            + x.getOriginalMessage());
                }
                Picture p = Picture.decode(Files.readAllBytes(dir.resolve(IMAGES).resolve(e.imageSha() + ".png")));
                examples.add(new RectificationExample(e.id(), p, e.imageSha(), e.question(), e.label(), e.provenance(),
                        e.targetAnswer(), e.memberAnswers(), e.oracleAnswer()));
            }
            return new DataSet((String) d.get("name"), (Map<String, Object>) d.getOrDefault("recipe", Map.of()),
                    examples);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set in " + dir, e);
        }
    }
}
