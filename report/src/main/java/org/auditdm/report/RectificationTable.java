package org.auditdm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code table} of a run's {@code rectification.json}, read generically as rows by columns so the
 * report need not know the rectification format. Accepted shapes of {@code table}:
 * <ul>
 *   <li>{@code {"columns": [..], "rows": [{"label": "..", "values": [..]}, ..]}} ({@code name} also works for the label);</li>
 *   <li>{@code {"columns": [..], "rows": ["..", ..], "values": [[..], ..]}};</li>
 *   <li>an object of objects, {@code {"row": {"column": 0.4, ..}, ..}};</li>
 *   <li>an array of objects, {@code [{"name": "row", "column": 0.4, ..}, ..]} (the first text field labels the row);</li>
 *   <li>the rectify module's table, {@code {"suites": [..], "rows": {"model": {"suite": {"rate", "low", "high"}, ..}}}}
 *   (cells shown in percent with their interval).</li>
 * </ul>
 * Numbers are shown with up to four decimals; other values as (escaped) text.
 *
 * @param title the document's {@code title}, or "Rectification"
 * @param note the document's {@code description} or {@code note}, or null
 */
public record RectificationTable(String title, String note, List<String> columns, List<Row> rows) {
    /** One row: its label and one cell per column (empty when missing). */
    public record Row(String label, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public RectificationTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * The table of a rectification document, or empty when the document has no {@code table}.
     *
     * @throws IllegalArgumentException when {@code table} has none of the accepted shapes
     */
    public static Optional<RectificationTable> from(JsonNode doc) {
        if (doc == null || !doc.has("table")) {
            return Optional.empty();
        }
        String title = doc.path("title").isTextual() ? doc.get("title").asText() : "Rectification";
        String note = doc.path("description").isTextual() ? doc.get("description").asText()
                : doc.path("note").isTextual() ? doc.get("note").asText() : null;
        JsonNode t = doc.get("table");
        List<String> columns = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (t.isObject() && t.has("suites") && t.path("rows").isObject()) {
            // The rectify module's BenchTable: {"suites": [..], "rows": {"model": {"suite": {rate, low, high}, ..
            // "average": {..}}, ..}}.
            t.get("suites").forEach(c -> columns.add(c.asText()));
            columns.add("average");
            t.get("rows").fields().forEachRemaining(e -> rows.add(new Row(e.getKey(), byName(e.getValue(), columns))));
        } else if (t.isObject() && t.has("columns") && t.has("rows")) {
            t.get("columns").forEach(c -> columns.add(c.asText()));
            JsonNode values = t.get("values");
            int i = 0;
            for (JsonNode r : t.get("rows")) {
                if (r.isObject()) {
                    String label = r.path("label").isMissingNode() ? r.path("name").asText("") : r.path("label").asText();
                    rows.add(new Row(label, cells(r.path("values"), columns.size())));
                } else {
                    rows.add(new Row(r.asText(), cells(values == null ? null : values.get(i), columns.size())));
                }
                i++;
            }
        } else if (t.isObject()) {
            Set<String> cols = new LinkedHashSet<>();
            t.fields().forEachRemaining(e -> {
                if (!e.getValue().isObject()) {
                    throw new IllegalArgumentException("rectification.json: table row '" + e.getKey() + "' is not an object");
                }
                e.getValue().fieldNames().forEachRemaining(cols::add);
            });
            columns.addAll(cols);
            t.fields().forEachRemaining(e -> rows.add(new Row(e.getKey(), byName(e.getValue(), columns))));
        } else if (t.isArray()) {
            Set<String> cols = new LinkedHashSet<>();
            List<String> labels = new ArrayList<>();
            for (JsonNode r : t) {
                if (!r.isObject()) {
                    throw new IllegalArgumentException("rectification.json: table rows must be objects, got " + r.getNodeType());
                }
                String labelField = null;
                for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (labelField == null && e.getValue().isTextual()) {
                        labelField = e.getKey();
                    } else {
                        cols.add(e.getKey());
                    }
                }
                labels.add(labelField == null ? "" : r.get(labelField).asText());
            }
            columns.addAll(cols);
            int i = 0;
            for (JsonNode r : t) {
                rows.add(new Row(labels.get(i++), byName(r, columns)));
            }
        } else {
            throw new IllegalArgumentException("rectification.json: 'table' must be an object or an array, got "
                    + t.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return Optional.of(new RectificationTable(title, note, columns, rows));
    }

    private static List<String> cells(JsonNode values, int columns) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            cells.add(values == null ? "" : cell(values.get(c)));
        }
        return cells;
    }

    private static List<String> byName(JsonNode row, List<String> columns) {
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
            cells.add(cell(row.get(c)));
        }
        return cells;
    }

    static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            double d = v.asDouble();
            String s = String.format(Locale.ROOT, "%.4f", d);
            // Trailing zeros say nothing: 0.5000 reads better as 0.5.
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isObject() && v.path("rate").isNumber()) {
            // A rate with its 95% interval, in percent: "38.6 [37.4, 39.9]".
            String rate = String.format(Locale.ROOT, "%.1f", 100 * v.get("rate").asDouble());
            return v.path("low").isNumber() && v.path("high").isNumber()
                    ? String.format(Locale.ROOT, "%s [%.1f, %.1f]", rate, 100 * v.get("low").asDouble(),
                    100 * v.get("high").asDouble())
                    : rate;
        }
        return v.toString();
    }
}
