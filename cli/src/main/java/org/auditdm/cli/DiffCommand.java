package org.auditdm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auditdm.failures.FailureTypes;
import org.auditdm.report.ReportJson;
import org.auditdm.report.RunContents;
import org.auditdm.report.RunDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code auditdm diff RUN_A RUN_B}: which failure types were fixed, remain or are new. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare the failure types of two runs (e.g. before and after rectification), matched by type id:"
                + " fixed (validated in A, not in B), remaining (validated in both: rate change, whether the 95%% CIs"
                + " separate) and new (validated only in B).",
                "Prints a table; --json and --html also write the diff as files."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run directory (or its failure-types.json).")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run directory (or its failure-types.json).")
    Path runB;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the diff as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the diff as a self-contained HTML page.")
    Path html;

    @Override
    public Integer call() {
        RunDiff diff = RunDiff.between(readTypes(runA), readTypes(runB));
        spec.commandLine().getOut().print(diff.text());
        if (json != null) {
            write(json, ReportJson.write(diff));
        }
        if (html != null) {
            write(html, diff.htmlPage());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The failure types of a run directory, or of a failure-types.json file given directly. */
    static FailureTypes readTypes(Path runOrFile) {
        if (!Files.exists(runOrFile)) {
            throw new IllegalArgumentException("run directory not found: " + runOrFile);
        }
        Path file = Files.isDirectory(runOrFile) ? runOrFile.resolve(FailureTypes.FILE) : runOrFile;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run " + runOrFile + " has no " + FailureTypes.FILE
                    + " (failure types are computed from a finished audit's findings)");
        }
        return RunContents.readFailureTypes(file);
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
