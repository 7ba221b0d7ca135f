package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auditdm.failures.FailureTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunContentsTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryFileOfTheFixture() throws Exception {
        RunContents c = RunContents.read(FixtureRun.write(tmp.resolve("run")));
        assertThat(c.findings()).hasSize(3);
        assertThat(c.rewardCurve()).hasSize(12);
        assertThat(c.measures().keySet()).containsExactlyInAnyOrder("auditor:rl", "auditor:base", "auditor:random-world-text");
        assertThat(c.failureTypes().types()).hasSize(2);
        assertThat(c.failureTypes().general().pValue()).isNaN();
        assertThat(c.rectification()).isNull();
    }

    @Test
    void missingDirectoryIsNamed() {
        assertThatThrownBy(() -> RunContents.read(tmp.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run directory not found: " + tmp.resolve("nope"));
    }

    @Test
    void directoryWithoutManifestIsNotARun() {
        assertThatThrownBy(() -> RunContents.read(tmp))
                .hasMessage(tmp + " is not a run directory: it has no manifest.json");
    }

    @Test
    void runWithoutFindingsGetsAReportSayingSo() throws Exception {
        Path run = FixtureRun.write(tmp.resolve("run"));
        Files.writeString(run.resolve("findings.jsonl"), "\n");
        Files.delete(run.resolve("failure-types.json"));
        String html = AuditReport.of(RunContents.read(run)).html();
        assertThat(html).contains(HtmlEscape.text(AuditReport.NO_FINDINGS)).contains("No findings, so no failure types.");
        assertThat(AuditReport.of(RunContents.read(run)).summary().findings()).isZero();
        Files.delete(run.resolve("findings.jsonl"));
        assertThatThrownBy(() -> RunContents.read(run))
                .hasMessageStartingWith("run " + run + " has no findings: findings.jsonl is missing");
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws Exception {
        Path run = FixtureRun.write(tmp.resolve("run"));
        List<String> lines = Files.readAllLines(run.resolve("findings.jsonl"));
        Files.write(run.resolve("findings.jsonl"), List.of(lines.get(0), "{\"id\": \"f-9\", ", lines.get(2)));
        assertThatThrownBy(() -> RunContents.read(run))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed JSON in " + run.resolve("findings.jsonl") + " line 2: ");

        Path other = FixtureRun.write(tmp.resolve("other"));
        Files.writeString(other.resolve(FailureTypes.FILE), "{\"runId\": \"x\", \"types\": [1, }");
        assertThatThrownBy(() -> RunContents.read(other))
                .hasMessageStartingWith("malformed JSON in " + other.resolve(FailureTypes.FILE) + ": ");

        Files.writeString(other.resolve(FailureTypes.FILE), "{\"target\": \"S\"}");
        assertThatThrownBy(() -> RunContents.read(other))
                .hasMessageStartingWith("malformed JSON in " + other.resolve(FailureTypes.FILE) + ": ")
                .hasMessageContaining("runId");
    }

    @Test
    void malformedMeasuresAndCurveAreNamed() throws Exception {
        Path run = FixtureRun.write(tmp.resolve("run"));
        Files.writeString(run.resolve("measures.json"), "[");
        assertThatThrownBy(() -> RunContents.read(run)).hasMessageStartingWith("malformed JSON in " + run.resolve("measures.json"));
        Files.delete(run.resolve("measures.json"));
        Files.writeString(run.resolve("reward-curve.json"), "{\"step\": 1}");
        assertThatThrownBy(() -> RunContents.read(run)).hasMessageStartingWith("malformed JSON in " + run.resolve("reward-curve.json"));
    }
}
