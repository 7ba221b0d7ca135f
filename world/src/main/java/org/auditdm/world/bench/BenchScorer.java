package org.auditdm.world.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.api.AnswerJudge;
import org.auditdm.world.scene.SceneJson;

/**
 * Scores predictions against benchmark items: an item is correct when the judge finds the
 * prediction equivalent to the oracle answer; a missing prediction is wrong.
 */
public final class BenchScorer {
    private final AnswerJudge judge;

    public BenchScorer(AnswerJudge judge) {
        this.judge = judge;
    }

    /** Scores in-memory predictions keyed by item id. */
    public SuiteScores score(String model, List<BenchItem> items, Map<String, String> predictions) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        int missing = 0;
        for (BenchItem item : items) {
            int[] c = counts.computeIfAbsent(item.suite(), k -> new int[2]);
            String p = predictions.get(item.id());
            if (p == null) {
                missing++;
            } else if (judge.same(p, item.answer())) {
                c[0]++;
            }
            c[1]++;
        }
        Map<String, Accuracy> by = new LinkedHashMap<>();
        counts.forEach((suite, c) -> by.put(suite, Accuracy.of(c[0], c[1])));
        return new SuiteScores(model, by, SuiteScores.mean(by), missing);
    }

    /**
     * Scores a predictions file (JSONL lines {@code {"id": ..., "answer": ...}}) against an exported
     * benchmark directory.
     */
    public SuiteScores score(String model, Path benchDir, Path predictionsFile) throws IOException {
        List<BenchItem> items = BenchExport.readItems(benchDir);
        Map<String, String> predictions = readPredictions(predictionsFile);
        return score(model, items, predictions);
    }

    static Map<String, String> readPredictions(Path file) throws IOException {
        ObjectMapper m = SceneJson.mapper();
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = m.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + " line " + n + ": not JSON: " + e.getMessage());
                }
                if (!node.hasNonNull("id") || !node.hasNonNull("answer")) {
                    throw new IllegalArgumentException(file + " line " + n + ": needs \"id\" and \"answer\"");
                }
                out.put(node.get("id").asText(), node.get("answer").asText());
            }
        }
        return out;
    }

    /** Lists scores as rows for printing. */
    public static List<String> table(List<SuiteScores> models) {
        List<String> rows = new ArrayList<>();
        if (models.isEmpty()) {
            return rows;
        }
        StringBuilder head = new StringBuilder(String.format("%-20s", "suite"));
        for (SuiteScores s : models) {
            head.append(String.format(" | %-20s", s.model()));
        }
        rows.add(head.toString());
        for (String suite : models.get(0).bySuite().keySet()) {
            StringBuilder row = new StringBuilder(String.format("%-20s", suite));
            for (SuiteScores s : models) {
                Accuracy a = s.bySuite().get(suite);
                row.append(String.format(" | %-20s", a == null ? "-" : a.percent()));
            }
            rows.add(row.toString());
        }
        StringBuilder avg = new StringBuilder(String.format("%-20s", "average"));
        for (SuiteScores s : models) {
            avg.append(String.format(" | %-20s", String.format(java.util.Locale.ROOT, "%.1f", 100 * s.average())));
        }
        rows.add(avg.toString());
        return rows;
    }
}
