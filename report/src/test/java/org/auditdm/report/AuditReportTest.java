package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditdm.failures.FailureTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReportTest {
    @TempDir
    static Path tmp;
    static Path run;
    static String html;

    @BeforeAll
    static void writeFixture() throws Exception {
        run = FixtureRun.write(tmp.resolve("run"));
        html = AuditReport.of(RunContents.read(run)).html();
    }

    @Test
    void sameRunGivesTheSameBytes() throws Exception {
        Path copy = FixtureRun.write(tmp.resolve("copy"));
        AuditReport.Written a = AuditReport.writeInto(run);
        AuditReport.Written b = AuditReport.writeInto(copy);
        assertThat(Files.readAllBytes(a.html())).isEqualTo(Files.readAllBytes(b.html()));
        assertThat(Files.readAllBytes(a.json())).isEqualTo(Files.readAllBytes(b.json()));
        assertThat(AuditReport.of(RunContents.read(run)).html()).isEqualTo(html);
    }

    @Test
    void modelOutputAndNamesAreEscapedEverywhere() {
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img src=x").doesNotContain("<b>orange");
        assertThat(html).contains(HtmlEscape.text(FixtureRun.MALICIOUS));
        assertThat(html).contains("&lt;i&gt;red&lt;/i&gt;");
        // The type name also appears inside the SVG chart, escaped by the SVG writer.
        assertThat(html).contains("&lt;b&gt;orange&lt;/b&gt; &amp;");
    }

    @Test
    void pageIsSelfContained() {
        Matcher src = Pattern.compile("\\b(?:src|href)\\s*=\\s*[\"']([^\"']*)[\"']").matcher(html);
        int images = 0;
        while (src.find()) {
            if (src.group(1).startsWith("#")) {
                continue;
            }
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
            images++;
        }
        assertThat(images).isEqualTo(6);
        assertThat(html).doesNotContain("<link", "@import", "<iframe", "<object");
        assertThat(html.replace("url(#", "")).as("only local url(#...) references").doesNotContain("url(");
        // The only URLs are XML namespace names of the inline SVG charts (never fetched).
        assertThat(html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "")
                .replace("http://www.jfree.org/jfreesvg/svg", ""))
                .doesNotContain("http:", "https:");
        assertThat(html).contains("image-rendering: pixelated").contains("Content-Security-Policy");
        assertThat(html.split("<svg", -1)).hasSize(4);
    }

    @Test
    void sectionsShowValidatedTypesFirstAndTheWhereReferencesFailMoreTable() throws Exception {
        String name = HtmlEscape.text(FixtureRun.MALICIOUS_NAME);
        int validated = html.indexOf("<h3>1. " + name);
        int unvalidated = html.indexOf("<h3>2. counting");
        assertThat(validated).isPositive().isLessThan(unvalidated);
        assertThat(html).contains("id=\"summary\"", "id=\"auditors\"", "id=\"types\"", "id=\"references-fail-more\"",
                "id=\"reward\"", "id=\"type-details\"", "href=\"#ft-", "fixture-run", "0123456789abcdef0123456789abcdef01234567", "RL auditor",
                "random world text", "30.0 [21.9, 39.6]", "M fails, by oracle", "ensemble agreement", "family=color",
                "Search success by kind of probe", "question+caption", "Search success by kind of seed scene", "(9/10)");
        assertThat(html).doesNotContain("id=\"rectification\"", "id=\"diff\"");

        JsonNode json = ReportJson.mapper().readTree(AuditReport.of(RunContents.read(run)).json());
        assertThat(json.path("findings").asInt()).isEqualTo(3);
        assertThat(json.path("failureTypes").asInt()).isEqualTo(2);
        assertThat(json.path("validatedTypes").asInt()).isEqualTo(1);
        assertThat(json.path("types").get(0).path("validated").asBoolean()).isTrue();
        assertThat(json.path("referencesFailMore")).hasSize(1);
        assertThat(json.path("referencesFailMore").get(0).path("reference").asText()).isEqualTo("M");
        assertThat(json.path("rewardCurve").path("steps").asInt()).isEqualTo(12);
        assertThat(json.path("rectification").asBoolean()).isFalse();
    }

    @Test
    void rectificationTableIsShownWhenTheRunHasOne() throws Exception {
        Path r = FixtureRun.write(tmp.resolve("rectified"));
        Files.writeString(r.resolve(RunContents.RECTIFICATION), """
                {"title": "Rectification <S>", "table": {"S": {"before": 0.412, "after": 0.25}, "S'": {"before": 0.5}}}
                """);
        String page = AuditReport.of(RunContents.read(r)).html();
        assertThat(page).contains("id=\"rectification\"", "Rectification &lt;S&gt;", "<th>before</th><th>after</th>",
                "<tr><th>S</th><td>0.412</td><td>0.25</td></tr>", "<tr><th>S&#39;</th><td>0.5</td><td></td></tr>");
    }

    @Test
    void theQuestionsAskedAndTheTargetsYieldAreShownWhenTheRunHasThem() throws Exception {
        Path r = FixtureRun.write(tmp.resolve("queries"));
        assertThat(AuditReport.of(RunContents.read(r)).html()).doesNotContain("Questions asked");
        Files.writeString(r.resolve(RunContents.QUERIES), """
                {"target": "zoo:S", "phases": [
                  {"name": "grpo", "questions": {"zoo:S": 120, "zoo:<R1>": 130}},
                  {"name": "measure auditor:rl", "questions": {"zoo:S": 40, "zoo:<R1>": 44}}],
                 "targetYield": {"discovery": {"findings": 7, "targetQuestions": 50, "findingsPer100": 14.0},
                  "measure auditor:rl": {"validFailures": 10, "targetQuestions": 40, "validFailuresPer100": 25.0}}}
                """);
        String page = AuditReport.of(RunContents.read(r)).html();
        assertThat(page).contains("<h3>Questions asked</h3>", "<th>target zoo:S</th><th>zoo:&lt;R1&gt;</th>",
                "<tr><td>grpo</td><td>120</td><td>130</td></tr>",
                "<li>discovery: 14.0 findings per 100 target questions (7 of 50)</li>",
                "<li>measure auditor:rl: 25.0 valid failures per 100 target questions (10 of 40)</li>");
    }

    @Test
    void theRectificationDataIsShownByQuestionFamily() throws Exception {
        Path r = FixtureRun.write(tmp.resolve("families"));
        Files.writeString(r.resolve(RunContents.RECTIFICATION), """
                {"table": {"S": {"average": 0.48}},
                 "datasets": {"auditdm": {"byFamily": {"count": 3, "color": 2},
                                          "pseudoLabelErrorByFamily": {"count": {"rate": 0.25}, "color": {"rate": "n/a"}}},
                              "random": {"byFamily": {"count": 5}}}}
                """);
        String page = AuditReport.of(RunContents.read(r)).html();
        assertThat(page).contains("Data by question family", "<th>family</th><th>auditdm</th><th>random</th>",
                "<tr><th>color</th><td>2</td><td></td></tr>", "<tr><th>count</th><td>3 (25% wrong)</td><td>5</td></tr>");
    }

    @Test
    void theSeedSpreadAndTheFailureTypesOfEachFineTuneAreShown() throws Exception {
        Path r = FixtureRun.write(tmp.resolve("seeds"));
        Files.writeString(r.resolve(RunContents.RECTIFICATION), """
                {"table": {"S": {"average": 0.48}},
                 "seeds": {"fineTuneSeeds": [1, 2],
                           "rows": {"S+auditdm": {"averages": [0.496, 0.493], "mean": 0.4945, "sd": 0.002},
                                    "S+<random>": {"averages": [0.494, 0.497], "mean": 0.4955, "sd": 0.002,
                                                   "pairedDifference": {"of": "S+auditdm", "bySeed": [0.002, -0.004],
                                                                        "mean": -0.001, "positive": 1}}}},
                 "failureTypes": {"S+auditdm": {"types": 4, "shrankByConsensus": 3, "shrankByOracle": 1,
                                                "meanFailingByOracleBefore": 0.45, "meanFailingByOracleAfter": 0.3}}}
                """);
        String page = AuditReport.of(RunContents.read(r)).html();
        assertThat(page).contains("Fine-tuning seeds", "(seeds 1, 2)",
                "<tr><th>S+auditdm</th><td>49.6, 49.3</td><td>49.5</td><td>0.2</td><td></td></tr>",
                "<tr><th>S+&lt;random&gt;</th><td>49.4, 49.7</td><td>49.6</td><td>0.2</td><td>+0.2, -0.4 (mean -0.1)</td></tr>",
                "The audit's failure types after each fine-tune",
                "<tr><th>S+auditdm</th><td>4</td><td>3</td><td>1</td><td>45.0%</td><td>30.0%</td></tr>");
        Files.writeString(r.resolve(RunContents.RECTIFICATION), """
                {"table": {"S": {"average": 0.48}}, "seeds": {"fineTuneSeeds": [1], "rows": {}}, "failureTypes": {}}
                """);
        assertThat(AuditReport.of(RunContents.read(r)).html()).doesNotContain("Fine-tuning seeds",
                "failure types after each fine-tune");
    }

    @Test
    void aRecheckShowsRatesBeforeAndAfterByConsensusAndByTheOracle() throws Exception {
        Path r = FixtureRun.write(tmp.resolve("rechecked"));
        String id = RunContents.read(r).failureTypes().types().get(0).id();
        Files.writeString(r.resolve("recheck.json"), """
                {"target": "zoo:S-<new>", "rows": [{"id": "%s", "name": "<i>type</i>",
                  "before": {"correct": 9, "total": 10, "rate": 0.9, "low": 0.6, "high": 0.98},
                  "after": {"correct": 0, "total": 10, "rate": 0.0, "low": 0.0, "high": 0.28},
                  "afterByOracle": {"correct": 8, "total": 10, "rate": 0.8, "low": 0.49, "high": 0.94},
                  "pValue": 0.0, "shrank": true}]}
                """.formatted(id));
        String page = AuditReport.of(RunContents.read(r)).html();
        assertThat(page).contains("id=\"recheck\"", "zoo:S-&lt;new&gt;", "&lt;i&gt;type&lt;/i&gt;",
                "90.0 [60.0, 98.0]", "0.0 [0.0, 28.0] (shrank)", "80.0 [49.0, 94.0]");
    }

    @Test
    void anEarlierRunAddsAChangesSection() throws Exception {
        RunContents contents = RunContents.read(run);
        FailureTypes earlier = new FailureTypes("earlier <run>", "S", contents.failureTypes().referenceNames(), 3, 3,
                null, java.util.List.of(), 1);
        String page = AuditReport.of(contents, earlier).html();
        assertThat(page).contains("id=\"diff\"", "Changes since earlier &lt;run&gt;", "New (1)");
    }

    @Test
    void runWithoutFailureTypesShowsItsFirstFindings() throws Exception {
        Path r = FixtureRun.write(tmp.resolve("untyped"));
        Files.delete(r.resolve(FailureTypes.FILE));
        String page = AuditReport.of(RunContents.read(r)).html();
        assertThat(page).contains("not computed yet", "The first 3 findings", "f-000002", "add clutter")
                .doesNotContain("id=\"references-fail-more\"").doesNotContainIgnoringCase("<script");
        assertThat(page.split("<img ", -1)).hasSize(7);
    }
}
