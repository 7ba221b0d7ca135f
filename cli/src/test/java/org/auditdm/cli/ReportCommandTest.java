package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.auditdm.failures.Facet;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;
import org.auditdm.failures.TypeDefinition;
import org.auditdm.failures.Validation;
import org.auditdm.world.bench.Accuracy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /** A minimal run: manifest and one finding (its images are missing, which the report tolerates). */
    private Path minimalRun(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("manifest.json"), """
                {"formatVersion": 1, "runId": "%s", "created": "2026-01-01T00:00:00Z", "projectVersion": "t",
                 "git": {"commit": "unknown"}, "jdk": "17", "os": "linux", "djl": "djl", "models": {},
                 "config": {"target": "S", "references": ["M", "L"]}, "seeds": {}, "seed": 1}
                """.formatted(name));
        Files.writeString(dir.resolve("findings.jsonl"), """
                {"id":"f-000000","probe":{"seedId":"seed-000000","mode":"QUESTION","auditorText":"how many stars?","pairing":"NEW_QUESTION_ORIGINAL_IMAGE","question":"how many stars?","imageSha":"%s","seedImageSha":"%s"},"targetAnswer":"<b>2</b>","consensus":{"memberAnswers":["3","3"],"answer":"3","agreed":true},"oracleAnswer":"3"}
                """.formatted("a".repeat(64), "a".repeat(64)));
        return dir;
    }

    private static FailureType type(String facet, int failures, boolean validated) {
        TypeDefinition d = new TypeDefinition(List.of(Facet.parse(facet)));
        Validation v = new Validation(100, Accuracy.of(100, 100), Accuracy.of(failures, 100), Accuracy.of(failures, 100),
                Map.of(), validated ? 1e-4 : 0.5, validated);
        return new FailureType(d.id(), facet, "", d, List.of("f-000000"), List.of(), v, List.of());
    }

    private static void writeTypes(Path run, String runId, FailureType... types) throws Exception {
        FailureTypes ft = new FailureTypes(runId, "S", List.of("M", "L"), 1, 1, null, List.of(types), 1);
        Files.writeString(run.resolve(FailureTypes.FILE), JSON.writeValueAsString(ft));
    }

    @Test
    void reportWritesHtmlAndJsonAndPrintsThePath() throws Exception {
        Path run = minimalRun("run-a");
        String[] r = run("report", run.toString());
        assertThat(r[2]).isEmpty();
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].trim()).isEqualTo(run.resolve("report.html").toString());
        assertThat(Files.readString(run.resolve("report.html"))).contains("&lt;b&gt;2&lt;/b&gt;", "image not in run");
        assertThat(JSON.readTree(run.resolve("report.json").toFile()).path("findings").asInt()).isEqualTo(1);

        Path out = tmp.resolve("elsewhere/r.html");
        String[] o = run("report", run.toString(), "--out", out.toString());
        assertThat(o[0]).isEqualTo("0");
        assertThat(o[1].trim()).isEqualTo(out.toString());
        assertThat(out.resolveSibling("r.json")).exists();
    }

    @Test
    void missingDirectoryIsOneLine() {
        String[] r = run("report", tmp.resolve("nope").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).isEqualTo("error: run directory not found: " + tmp.resolve("nope"));
    }

    @Test
    void runWithoutFindingsIsOneLine() throws Exception {
        Path run = minimalRun("empty");
        Files.delete(run.resolve("findings.jsonl"));
        String[] r = run("report", run.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).startsWith("error: run " + run + " has no findings: findings.jsonl is missing")
                .doesNotContain("\n");
    }

    @Test
    void malformedJsonNamesTheFile() throws Exception {
        Path run = minimalRun("broken");
        Files.writeString(run.resolve("measures.json"), "{\"auditor:rl\": ");
        String[] r = run("report", run.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).startsWith("error: malformed JSON in " + run.resolve("measures.json") + ": ")
                .doesNotContain("\n");
    }

    @Test
    void diffPrintsTheTableAndWritesJsonAndHtml() throws Exception {
        Path a = minimalRun("before");
        Path b = minimalRun("after");
        writeTypes(a, "before", type("family=color", 60, true), type("family=count", 50, true));
        writeTypes(b, "after", type("family=count", 20, true), type("family=clock", 40, true));
        Path json = tmp.resolve("diff.json");
        Path html = tmp.resolve("diff.html");
        String[] r = run("diff", a.toString(), b.toString(), "--json", json.toString(), "--html", html.toString());
        assertThat(r[2]).isEmpty();
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("before -> after", "fixed: 0", "not found again: 1", "remaining: 1", "new: 1",
                "family=color",
                "-30.0 points, CIs separate");
        assertThat(JSON.readTree(json.toFile()).path("new").get(0).path("name").asText()).isEqualTo("family=clock");
        assertThat(Files.readString(html)).contains("Fixed (0)", "Not found again (1)", "<!DOCTYPE html>");

        // The report of the later round can show the same diff.
        String[] rep = run("report", b.toString(), "--against", a.toString());
        assertThat(rep[0]).isEqualTo("0");
        assertThat(Files.readString(b.resolve("report.html"))).contains("id=\"diff\"", "Remaining (1)");
    }

    @Test
    void diffFailOnIsAGateWithItsOwnExitCode() throws Exception {
        Path a = minimalRun("v1");
        Path b = minimalRun("v2");
        writeTypes(a, "v1", type("family=count", 50, true));
        writeTypes(b, "v2", type("family=count", 48, true), type("family=clock", 40, true));
        String[] failed = run("diff", a.toString(), b.toString(), "--fail-on", "new,worse");
        assertThat(failed[0]).isEqualTo("3");
        assertThat(failed[1]).contains("gate new,worse: FAILED, 1 type(s):", "  new: ", "family=clock");
        String[] passed = run("diff", a.toString(), b.toString(), "--fail-on", "worse");
        assertThat(passed[0]).isEqualTo("0");
        assertThat(passed[1]).contains("gate worse: passed");
        String[] plain = run("diff", a.toString(), b.toString());
        assertThat(plain[0]).isEqualTo("0");
        assertThat(plain[1]).doesNotContain("gate");
        String[] bad = run("diff", a.toString(), b.toString(), "--fail-on", "newer");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2].trim()).isEqualTo("error: unknown gate 'newer'; expected some of new, worse, remaining");
        assertThat(run("diff", "--help")[1]).contains("Exit codes:", "3   the gate failed");
    }

    @Test
    void diffWithoutFailureTypesIsOneLine() throws Exception {
        Path a = minimalRun("plain");
        String[] r = run("diff", a.toString(), a.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).startsWith("error: run " + a + " has no failure-types.json").doesNotContain("\n");
        Files.writeString(a.resolve(FailureTypes.FILE), "{");
        String[] m = run("diff", a.toString(), tmp.resolve("gone").toString());
        assertThat(m[2].trim()).startsWith("error: malformed JSON in " + a.resolve(FailureTypes.FILE));
    }
}
