package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ZooCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void benchPrintsATableForFreshModels() {
        String[] r = run("zoo", "bench", "--sizes", "S", "--seconds", "0.05", "--train-steps", "1");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("FILM_CNN S").contains("matmul peak").contains("train ms/step");
    }

    @Test
    void badSizeIsOneReadableError() {
        String[] r = run("zoo", "bench", "--sizes", "XL", "--seconds", "0.05");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).isEqualTo("error: unknown model size 'XL' (expected S, M or L)");
    }

    @Test
    void missingCheckpointIsOneReadableError() {
        String[] r = run("zoo", "bench", "--checkpoint", "/nonexistent/ckpt", "--seconds", "0.05");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).startsWith("error: checkpoint directory not found");
    }

    @Test
    void evalByFamilyScoresEveryFamilyOnTheTrainingDistribution(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path json = dir.resolve("families.json");
        String[] r = run("zoo", "eval", "--model", java.nio.file.Path.of("../models/zoo/S").toAbsolutePath().toString(), "--families", "--max-objects", "1", "--size", "4",
                "--json", json.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("shape").contains("color").contains("clock").doesNotContain("spatial ");
        assertThat(java.nio.file.Files.readString(json)).contains("\"shape\"");
    }

    @Test
    void maxObjectsWithoutFamiliesIsOneReadableError() {
        String[] r = run("zoo", "eval", "--model", "S", "--max-objects", "1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).isEqualTo("error: --max-objects needs --families");
    }

    @Test
    void relationsSayWhetherTheAnswerFollowsTheOrderOfTheObjects() {
        String[] r = run("zoo", "eval", "--model", java.nio.file.Path.of("../models/zoo/S").toAbsolutePath().toString(),
                "--relations", "--size", "6");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("spatial questions, two-object scenes: right ")
                .contains("subject and other swapped: same answer as before ").contains("both objects placed right");
    }

    @Test
    void relationsAndFamiliesTogetherIsOneReadableError() {
        String[] r = run("zoo", "eval", "--model", "S", "--relations", "--families");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].trim()).isEqualTo("error: --relations and --families are two different looks; give one");
    }
}
