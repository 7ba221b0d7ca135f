package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.auditdm.rectify.RectificationStudy;
import org.auditdm.rectify.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auditdm bench rectify RUN}: the rectification table of the README. */
@Command(name = "rectify", mixinStandardHelpOptions = true,
        description = "The rectification study: S, S fine-tuned on auditdm data, on random true-labelled training "
                + "samples and on base-auditor findings (equal data size and compute), the references and the larger "
                + "siblings M and L on the 16 suites; "
                + "writes RUN/rectification.json and prints the table.")
final class BenchRectifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "audit run directory")
    Path run;

    @Option(names = "--bench-size", defaultValue = "300", description = "items per suite (default: ${DEFAULT-VALUE})")
    int benchSize;

    @Option(names = "--oracle-labels", description = "also fine-tune on the auditdm data relabelled by the world "
            + "oracle: a diagnostic (not annotation-free) that separates what label noise costs from what the data "
            + "covers")
    boolean oracleLabels;

    @Option(names = "--compare", split = ",", defaultValue = RectifyOptions.DEFAULT_COMPARISONS,
            description = "further models in the table: zoo presets or checkpoint dirs (default: ${DEFAULT-VALUE}, "
                    + "the target's larger siblings; 'none' for none)")
    List<String> compare;

    @Option(names = "--fine-tune-seeds", defaultValue = "1",
            description = "fine-tunes per data set, seeds --seed, --seed + 1, ... on the same data; the table pools "
                    + "them and the spread and the paired differences to S+auditdm are printed below it (default: "
                    + "${DEFAULT-VALUE}; 3 shows what one fine-tune's figures owe to its seed)")
    int fineTuneSeeds;

    @Mixin
    RectifyOptions options;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (fineTuneSeeds < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--fine-tune-seeds must be at least 1, got " + fineTuneSeeds);
        }
        try (Workspace ws = options.open(run)) {
            RectificationStudy.Result r = RectificationStudy.run(ws, options.recipe(), options.training(),
                    RectifyOptions.typeSampler(ws, options.seed),
                    benchSize, RectifyOptions.listener(spec.commandLine().getErr()),
                    new RectificationStudy.Rows(true, oracleLabels, fineTuneSeeds), RectifyOptions.comparisons(ws, compare));
            r.markdown().forEach(o::println);
            o.println("wrote " + run.resolve(RectificationStudy.FILE));
        }
        return 0;
    }
}
