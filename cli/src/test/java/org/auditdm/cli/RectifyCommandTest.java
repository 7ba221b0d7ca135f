package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auditdm.rectify.Rectifier;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** audit -> rectify -> re-audit on the committed checkpoints at toy sizes, then export; one-line errors. */
@ExtendWith(RepositoryHome.class)
class RectifyCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void loopAuditsRectifiesAndReauditsAndItsDataExports() throws Exception {
        Path loop = dir.resolve("loop");
        // Four seeds are too few for findings the references are sure of: the confidence rule is off here.
        String[] r = run("loop", "--rounds", "1", "--audit-seeds", "4", "--audit-steps", "1", "--samples-per-seed", "2",
                "--audit-min-confidence", "0", "--size", "16", "--steps", "2", "--batch", "8", "--bench-size", "3",
                "-o", loop.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("round 1: ", "examples", "pseudo-label error", "RL search success", "suite average",
                "the 16 held-out suites");
        // every round's target and the references, scored on the suites
        assertThat(new ObjectMapper().readTree(loop.resolve(LoopCommand.ROUNDS_EVAL).toFile())).hasSize(4);
        Path rectified = loop.resolve("round-1").resolve("S-rectified");
        assertThat(loop.resolve("round-2").resolve("audit").resolve("findings.jsonl")).exists();
        // the round's trained auditor, as it is, on the rectified target
        assertThat(r[1]).contains("round 1: the round's trained auditor, without retraining: RL search success");
        JsonNode again = new ObjectMapper().readTree(loop.resolve("round-1").resolve("reaudit").resolve("manifest.json").toFile());
        assertThat(again.path("config").path("steps").asInt()).isZero();
        assertThat(again.path("models").has("auditor:start")).isTrue();
        List<CheckpointMetadata> chain = Rectifier.chainTo(rectified, Path.of("..", "models", "zoo", "S"));
        assertThat(chain).hasSize(2);
        JsonNode recipe = new ObjectMapper().readTree(rectified.resolve(Rectifier.RECIPE).toFile());
        assertThat(recipe.get("runId").asText()).startsWith("audit-");
        assertThat(recipe.get("dataSize").asInt()).isPositive();

        Path run1 = loop.resolve("round-1").resolve("audit");
        for (String format : List.of("llava", "openai")) {
            String[] e = run("export", run1.toString(), "--format", format, "--out", dir.resolve(format).toString());
            assertThat(e[0]).as(e[2]).isEqualTo("0");
            List<String> lines = Files.readAllLines(dir.resolve(format).resolve(format + ".jsonl"));
            assertThat(lines).hasSize(recipe.get("dataSize").asInt());
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.has(format.equals("llava") ? "conversations" : "messages")).isTrue();
        }

        // data only, with a family mix: written with its family counts, no checkpoint
        String[] d = run("rectify", run1.toString(), "--data-only", "--size", "12", "--family-mix", "disagreement",
                "--oversample", "2", "--min-confidence", "0");
        assertThat(d[0]).as(d[2]).isEqualTo("0");
        assertThat(d[1]).contains("data: ", "by question family: {", "pseudo-label error");
        JsonNode data = new ObjectMapper().readTree(run1.resolve("rectify").resolve("data").resolve("auditdm")
                .resolve("dataset.json").toFile());
        assertThat(data.get("recipe").get("familyMix").asText()).isEqualTo("disagreement");
        assertThat(data.get("recipe").get("oversample").asInt()).isEqualTo(2);
        assertThat(data.get("byFamily").size()).isPositive();
        assertThat(data.get("recipe").get("labelsByFamily").size()).isPositive();
        assertThat(run1.resolve("rectify").resolve("S-rectified")).doesNotExist();
        // the study with two fine-tuning seeds: the table pools them, the spread and paired differences follow
        String[] study = run("bench", "rectify", run1.toString(), "--size", "12", "--steps", "2", "--batch", "4",
                "--bench-size", "2", "--min-confidence", "0", "--compare", "none", "--fine-tune-seeds", "2");
        assertThat(study[0]).as(study[2]).isEqualTo("0");
        assertThat(study[1]).contains("| suite | S | S+auditdm | S+random | S+base-auditor |",
                "fine-tune seeds 1, 2 (rows above pool them", "S+auditdm - S+random, same seed: ",
                "S+auditdm - S+base-auditor, same seed: ");
        JsonNode rect = new ObjectMapper().readTree(run1.resolve("rectification.json").toFile());
        assertThat(rect.get("seeds").get("rows").get("S+random").get("averages")).hasSize(2);
        assertThat(rect.get("checkpoints").has("S+auditdm (seed 2)")).isTrue();
        assertThat(run1.resolve("rectify").resolve("study").resolve("auditdm-seed2").resolve("metadata.json"))
                .exists();
        String[] bad = run("rectify", run1.toString(), "--data-only", "--family-mix", "balanced");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("unknown family weighting 'balanced'");
    }

    @Test
    void aRoundWithoutFindingsEndsTheLoopWithItsTable() {
        // No reference is ever sure with probability 1, so no disagreement earns a reward: no finding.
        String[] r = run("loop", "--rounds", "2", "--audit-seeds", "2", "--audit-steps", "1", "--samples-per-seed", "1",
                "--audit-min-confidence", "1", "--bench-size", "0", "-o", dir.resolve("empty-loop").toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("round 1: the audit found no failure of", "the loop stops here", "RL search success");
        assertThat(dir.resolve("empty-loop").resolve("round-2")).doesNotExist();
        assertThat(dir.resolve("empty-loop").resolve(LoopCommand.ROUNDS_EVAL)).doesNotExist(); // --bench-size 0
    }

    @Test
    void rectifyTakesTheRunsTargetAndReferences() throws Exception {
        // Audited M against S and L: rectify without --target/--reference fine-tunes M with S+L's labels.
        Path audit = dir.resolve("audit-m");
        String[] a = run("audit", "--target", "M", "--reference", "S,L", "--seeds", "2", "--steps", "1",
                "--samples-per-seed", "1", "--min-confidence", "0", "-o", audit.toString());
        assertThat(a[0]).as(a[2]).isEqualTo("0");
        Path out = dir.resolve("M-rectified");
        String[] r = run("rectify", audit.toString(), "--size", "8", "--steps", "1", "--batch", "4",
                "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(Rectifier.chainTo(out, Path.of("..", "models", "zoo", "M"))).hasSize(2);
        JsonNode labelledBy = new ObjectMapper().readTree(out.resolve(Rectifier.RECIPE).toFile())
                .path("dataRecipe").path("labelledBy");
        assertThat(labelledBy).hasSize(2);
        assertThat(labelledBy.get(0).asText()).startsWith("zoo:S-");
        assertThat(labelledBy.get(1).asText()).startsWith("zoo:L-");

        // A run whose target is not a zoo checkpoint (a remote model's spec name) needs --target.
        Path manifest = audit.resolve("manifest.json");
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("\"target\" : \"M\"", "\"target\" : \"my-remote-vlm\""));
        String[] remote = run("rectify", audit.toString(), "--size", "8", "--steps", "1", "--batch", "4",
                "--out", dir.resolve("x").toString());
        assertThat(remote[0]).isNotEqualTo("0");
        assertThat(remote[2].strip()).startsWith("error: the audit run's target 'my-remote-vlm' is not a zoo model")
                .contains("--target").doesNotContain("\n");
    }

    @Test
    void errorsAreOneReadableLine() {
        String[] missing = run("rectify", dir.resolve("nope").toString());
        assertThat(missing[0]).isNotEqualTo("0");
        assertThat(missing[2].strip()).startsWith("error: run directory not found").doesNotContain("\n");
        String[] noData = run("export", dir.toString(), "--format", "llava", "--out", dir.resolve("x").toString());
        assertThat(noData[2].strip()).isEqualTo("error: no rectification data 'auditdm' in " + dir
                + " (run 'auditdm rectify " + dir + "' first)");
        String[] badFormat = run("export", dir.toString(), "--format", "csv", "--out", dir.resolve("x").toString());
        assertThat(badFormat[2]).contains("unknown export format 'csv'");
        String[] rounds = run("loop", "--rounds", "0");
        assertThat(rounds[2]).contains("--rounds must be at least 1");
        String[] seeds = run("bench", "rectify", dir.toString(), "--fine-tune-seeds", "0");
        assertThat(seeds[0]).isEqualTo("2");
        assertThat(seeds[2]).contains("--fine-tune-seeds must be at least 1, got 0");
    }
}
