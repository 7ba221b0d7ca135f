package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {
    @TempDir
    Path run;

    private record Result(int code, String out, String err) {
    }

    private static Result cost(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "cost";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void pricesARunsQuestionsAndNamesBadInput() throws Exception {
        assertThat(cost(run.toString(), "--price", "S=1").err()).contains("has no queries.json");
        Files.writeString(run.resolve("queries.json"), """
                {"models": {"S": "s-id", "R1": "r-id"},
                 "phases": [{"name": "measure auditor:rl", "questions": {"S": 10, "R1": 12}}],
                 "targetYield": {"measure auditor:rl": {"validFailures": 4, "targetQuestions": 10}}}
                """);
        Result ok = cost(run.toString(), "--price", "S=0.5", "--price", "R1=0.25");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("measure auditor:rl: 4 valid failures for 8.00, 2.00 per valid failure");

        Result unknown = cost(run.toString(), "--price", "L=1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("'L' is not a model of this run (its models: S, R1)");
        assertThat(cost(run.toString(), "--price", "S:1").code()).isEqualTo(2);
        assertThat(cost(run.toString()).code()).isEqualTo(2); // --price is required
    }
}
