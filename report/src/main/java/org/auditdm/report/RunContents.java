package org.auditdm.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditdm.api.Finding;
import org.auditdm.audit.loop.AuditRunner.CurvePoint;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.audit.run.FileImageStore;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunManifest;
import org.auditdm.failures.FailureTypes;

/**
 * Everything a report reads from a run directory. The manifest and {@code findings.jsonl} are required
 * (it may be empty: an audit that found nothing is a result, and its report says so); the reward curve,
 * the measures, the failure types and the rectification table are shown when present.
 * Every reading error names the file (and the line, for {@code findings.jsonl}).
 *
 * @param dir the run directory
 * @param rewardCurve empty when {@code reward-curve.json} is missing
 * @param measures auditor id to measures, in file order; empty when {@code measures.json} is missing
 * @param failureTypes null when {@code failure-types.json} is missing
 * @param rectification the {@code rectification.json} document, or null when missing
 * @param queries the {@code queries.json} document (questions per model and phase), or null when missing
 */
public record RunContents(Path dir, RunManifest manifest, List<Finding> findings, List<CurvePoint> rewardCurve,
                          Map<String, AuditMeasures> measures, FailureTypes failureTypes, JsonNode rectification,
                          JsonNode queries) {
    public static final String REWARD_CURVE = "reward-curve.json";
    public static final String MEASURES = "measures.json";
    public static final String RECTIFICATION = "rectification.json";
    public static final String QUERIES = "queries.json";

    public RunContents {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manifest, "manifest");
        findings = List.copyOf(findings);
        rewardCurve = List.copyOf(rewardCurve);
        measures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** The run's images ({@code images/ab/<sha>.png}). */
    public FileImageStore images() {
        return new FileImageStore(dir.resolve(RunDirectory.IMAGES));
    }

    /**
     * Reads a run directory.
     *
     * @throws IllegalArgumentException naming the problem: missing directory, not a run, no findings file
     *     (discovery has not run), malformed JSON (with the file)
     */
    public static RunContents read(Path dir) {
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("run directory not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(RunDirectory.MANIFEST))) {
            throw new IllegalArgumentException(dir + " is not a run directory: it has no " + RunDirectory.MANIFEST);
        }
        RunManifest manifest = RunDirectory.readManifest(dir);
        List<Finding> findings = readFindings(dir.resolve(RunDirectory.FINDINGS));
        Path curveFile = dir.resolve(REWARD_CURVE);
        List<CurvePoint> curve = Files.exists(curveFile)
                ? readJson(curveFile, new TypeReference<List<CurvePoint>>() { })
                : List.of();
        Path measuresFile = dir.resolve(MEASURES);
        Map<String, AuditMeasures> measures = Files.exists(measuresFile)
                ? readJson(measuresFile, new TypeReference<LinkedHashMap<String, AuditMeasures>>() { })
                : Map.of();
        Path typesFile = dir.resolve(FailureTypes.FILE);
        FailureTypes types = Files.exists(typesFile) ? readJson(typesFile, new TypeReference<FailureTypes>() { }) : null;
        Path rectFile = dir.resolve(RECTIFICATION);
        JsonNode rect = Files.exists(rectFile) ? readJson(rectFile, new TypeReference<JsonNode>() { }) : null;
        Path queriesFile = dir.resolve(QUERIES);
        JsonNode queries = Files.exists(queriesFile) ? readJson(queriesFile, new TypeReference<JsonNode>() { }) : null;
        return new RunContents(dir, manifest, findings, curve, measures, types, rect, queries);
    }

    /** Reads a {@code failure-types.json} file; errors name the file. */
    public static FailureTypes readFailureTypes(Path file) {
        return readJson(file, new TypeReference<FailureTypes>() { });
    }

    /** Reads one JSON file, or fails with a message naming it. */
    static <T> T readJson(Path file, TypeReference<T> type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            T value = ReportJson.mapper().readValue(text, type);
            if (value == null) {
                throw new IllegalArgumentException("malformed JSON in " + file + ": the file is empty or null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON in " + file + ": " + describe(e));
        } catch (IllegalArgumentException | NullPointerException e) {
            // Record constructors validate what they are given; say which file held the bad value.
            if (e.getMessage() != null && e.getMessage().startsWith("malformed JSON in ")) {
                throw e;
            }
            throw new IllegalArgumentException("malformed JSON in " + file + ": " + e.getMessage());
        }
    }

    private static List<Finding> readFindings(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("run " + file.getParent() + " has no findings: "
                    + RunDirectory.FINDINGS + " is missing (has discovery run?)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                findings.add(ReportJson.mapper().readValue(line, Finding.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("malformed JSON in " + file + " line " + (i + 1) + ": " + describe(e));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("malformed JSON in " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return findings;
    }

    private static String describe(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        return (nl >= 0 ? msg.substring(0, nl) : msg) + where;
    }
}
