package org.auditdm.world.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Picture;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.Templates;
import org.auditdm.world.scene.SizeClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSuitesTest {
    private final SuiteGenerator gen = new SuiteGenerator();

    @Test
    void sixteenSuitesEachIsolatingItsFamilies() {
        assertThat(Suite.values()).hasSize(16);
        Oracle oracle = new Oracle();
        for (Suite suite : Suite.values()) {
            List<BenchItem> items = gen.generate(suite, 24);
            assertThat(items).hasSize(24);
            for (BenchItem item : items) {
                assertThat(suite.families()).contains(item.family());
                // The stored answer is what the oracle says about the question as written.
                var parsed = QuestionParser.parse(item.question());
                assertThat(parsed.program().family()).isEqualTo(item.family());
                assertThat(oracle.answer(item.scene(), parsed.program()).answer())
                        .as(item.id()).isEqualTo(item.answer());
            }
            assertThat(items.stream().map(BenchItem::family).distinct().count())
                    .isEqualTo(Math.min(24, suite.families().size()));
        }
    }

    @Test
    void itemsAreFixedBySeedAndIndex() {
        List<BenchItem> a = gen.generate(Suite.COUNTING, 30);
        List<BenchItem> b = new SuiteGenerator().generate(Suite.COUNTING, 40);
        assertThat(b.subList(0, 30)).isEqualTo(a);
        assertThat(a.stream().map(BenchItem::id).distinct().count()).isEqualTo(30);
    }

    @Test
    void heldOutParaphrasesAppearAtTestTime() {
        long heldOut = gen.generate(Suite.COLOR, 120).stream()
                .filter(i -> Templates.require(i.templateId()).heldOut()).count();
        assertThat(heldOut).isPositive();
    }

    @Test
    void smallObjectSuiteOnlyHasSmallObjects() {
        for (BenchItem item : gen.generate(Suite.SMALL_OBJECTS, 40)) {
            assertThat(item.scene().objects()).allMatch(o -> o.size() == SizeClass.SMALL);
        }
    }

    @Test
    void robustnessSuiteIsAlwaysPerturbed() {
        for (BenchItem item : gen.generate(Suite.ROBUSTNESS, 40)) {
            assertThat(item.scene().backdrop().photometric().isNone()).isFalse();
        }
    }

    @Test
    void exportWritesTheDocumentedFormatAndReadsBack(@TempDir Path dir) throws Exception {
        var suites = EnumSet.of(Suite.CLOCK, Suite.TEXT);
        List<Integer> progress = new ArrayList<>();
        BenchExport.export(dir, suites, 5, 64, progress::add);
        assertThat(progress).last().isEqualTo(10);
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("auditdm-bench/1", "\"clock\"");
        List<BenchItem> items = BenchExport.readItems(dir);
        assertThat(items).hasSize(10);
        for (BenchItem item : items) {
            Picture p = Picture.decode(Files.readAllBytes(dir.resolve(item.image())));
            assertThat(p.width()).isEqualTo(64);
        }
        // Perfect, empty and half-right predictions.
        Path pred = dir.resolve("pred.jsonl");
        StringBuilder sb = new StringBuilder();
        for (BenchItem item : items) {
            String ans = item.suite().equals("clock") ? item.answer() : "wrong";
            sb.append("{\"id\":\"").append(item.id()).append("\",\"answer\":\"").append(ans).append("\"}\n");
        }
        Files.writeString(pred, sb);
        SuiteScores s = new BenchScorer(new NormalizingJudge()).score("test", dir, pred);
        assertThat(s.bySuite().get("clock").rate()).isEqualTo(1.0);
        assertThat(s.bySuite().get("text").rate()).isEqualTo(0.0);
        assertThat(s.average()).isEqualTo(0.5);
        assertThat(s.missing()).isZero();
    }

    @Test
    void missingPredictionsCountAsWrong() {
        List<BenchItem> items = gen.generate(Suite.POPE, 10);
        Map<String, String> pred = new HashMap<>();
        pred.put(items.get(0).id(), items.get(0).answer());
        SuiteScores s = new BenchScorer(new NormalizingJudge()).score("m", items, pred);
        assertThat(s.missing()).isEqualTo(9);
        assertThat(s.bySuite().get("pope").correct()).isEqualTo(1);
    }

    @Test
    void malformedPredictionsNameTheLine(@TempDir Path dir) throws Exception {
        Path pred = dir.resolve("p.jsonl");
        Files.writeString(pred, "{\"id\":\"a\",\"answer\":\"x\"}\n{oops\n");
        assertThatThrownBy(() -> BenchScorer.readPredictions(pred)).hasMessageContaining("line 2");
        assertThatThrownBy(() -> BenchExport.readItems(dir)).hasMessageContaining("manifest.json missing");
        assertThatThrownBy(() -> Suite.byId("countng")).hasMessageContaining("known: pope, counting");
    }

    @Test
    void wilsonIntervalsBehaveAtTheEdges() {
        Accuracy all = Accuracy.of(300, 300);
        assertThat(all.high()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(all.low()).isBetween(0.98, 1.0);
        Accuracy none = Accuracy.of(0, 300);
        assertThat(none.low()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(none.high()).isBetween(0.0, 0.02);
        Accuracy half = Accuracy.of(150, 300);
        assertThat(half.low()).isBetween(0.44, 0.45);
        assertThat(half.high()).isBetween(0.55, 0.56);
    }
}
