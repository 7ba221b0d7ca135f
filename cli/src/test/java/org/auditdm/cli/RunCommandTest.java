package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The main job on the committed checkpoints, at the quick preset: every phase, resume, bad input. */
@ExtendWith(RepositoryHome.class)
class RunCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void quickRunAuditsSAgainstMAndLAndResumes() throws Exception {
        Path out = dir.resolve("quick");
        String[] r = run("run", "--quick", "--seeds", "12", "--steps", "3", "-o", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("GRPO: 3 steps", "findings:", "auditor:rl", "auditor:base",
                "auditor:random-world-text");
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(out.resolve("measures.json")).exists();
        String findings = Files.readString(out.resolve("findings.jsonl"));

        String[] again = run("run", "--quick", "--seeds", "12", "--steps", "3", "-o", out.toString());
        assertThat(again[0]).isEqualTo("0");
        assertThat(Files.readString(out.resolve("findings.jsonl"))).isEqualTo(findings);
    }

    @Test
    void unknownModelsAndBadConfigAreNamed() {
        String[] r = run("audit", "--target", "XL", "-o", dir.resolve("x").toString());
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("no zoo model 'XL'").doesNotContain("Exception");
        String[] bad = run("audit", "--seeds", "0", "-o", dir.resolve("y").toString());
        assertThat(bad[0]).isNotEqualTo("0");
        assertThat(bad[2]).contains("seeds");
    }
}
