package org.auditdm.world.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntConsumer;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.scene.SceneJson;

/**
 * Writes suites to disk in the documented benchmark format:
 *
 * <pre>
 * DIR/manifest.json                 format, image side, suites (id, description, families, size, seed)
 * DIR/SUITE.jsonl                   one {@link BenchItem} per line (id, suite, family, question,
 *                                   answer, templateId, image, scene)
 * DIR/images/SUITE/ID.png           the rendered scene
 * </pre>
 */
public final class BenchExport {
    /** Format tag written to the manifest; readers check it. */
    public static final String FORMAT = "auditdm-bench/1";

    private BenchExport() {
    }

    /**
     * Generates, renders and writes the given suites.
     *
     * @param progress called with the number of items written so far
     */
    public static void export(Path dir, Collection<Suite> suites, int size, int side, IntConsumer progress)
            throws IOException {
        Files.createDirectories(dir);
        ObjectMapper m = SceneJson.mapper();
        Renderer renderer = new Renderer();
        SuiteGenerator gen = new SuiteGenerator();
        ObjectNode manifest = m.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("imageSide", side);
        ArrayNode list = manifest.putArray("suites");
        int done = 0;
        for (Suite suite : suites) {
            Path images = dir.resolve("images").resolve(suite.id());
            Files.createDirectories(images);
            List<BenchItem> items = gen.generate(suite, size);
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(suite.id() + ".jsonl"), StandardCharsets.UTF_8)) {
                for (BenchItem item : items) {
                    w.write(m.writeValueAsString(item));
                    w.write('\n');
                    Files.write(dir.resolve(item.image()), renderer.render(item.scene(), side).toPng());
                    progress.accept(++done);
                }
            }
            ObjectNode s = list.addObject();
            s.put("id", suite.id());
            s.put("description", suite.description());
            ArrayNode fams = s.putArray("families");
            suite.families().forEach(f -> fams.add(f.name()));
            s.put("size", size);
            s.put("seed", suite.seed());
        }
        m.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    /** Reads all items of an exported benchmark directory, in manifest order. */
    public static List<BenchItem> readItems(Path dir) throws IOException {
        ObjectMapper m = SceneJson.mapper();
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("no benchmark at " + dir + " (manifest.json missing)");
        }
        var manifest = m.readTree(manifestFile.toFile());
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new IllegalArgumentException(manifestFile + ": unsupported format '"
                    + manifest.path("format").asText() + "', expected " + FORMAT);
        }
        List<BenchItem> items = new ArrayList<>();
        for (var s : manifest.path("suites")) {
            Path file = dir.resolve(s.path("id").asText() + ".jsonl");
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        items.add(m.readValue(line, BenchItem.class));
                    } catch (IOException e) {
                        throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return items;
    }
}
