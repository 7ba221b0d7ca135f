package org.auditdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
                "Prints a table; --json and --html also write the diff as files. With --fail-on it is a gate for CI: "
                        + "exit code 3 when the later run fails it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (and the gate, if any, passed)", "1:an unexpected error",
                "2:bad input (a run without failure types, malformed files, an unknown gate)",
                "3:the gate failed: the later run has what --fail-on names"})
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

    @Option(names = "--fail-on", paramLabel = "GATES", description = "Gate for CI, comma-separated: new (a type "
            + "validated in B only), worse (validated in both, failure rate up with separate 95%% CIs), remaining (any "
            + "type validated in both). Exit code 3 when B has any of them.")
    String failOn;

    /** Exit code of a failed gate (1 and 2 are errors). */
    static final int GATE_FAILED = 3;

    @Override
    public Integer call() {
        Set<RunDiff.Gate> gates = failOn == null ? Set.of() : RunDiff.Gate.parse(failOn);
        RunDiff diff = RunDiff.between(readTypes(runA), readTypes(runB));
        PrintWriter out = spec.commandLine().getOut();
        out.print(diff.text());
        if (json != null) {
            write(json, ReportJson.write(diff));
        }
        if (html != null) {
            write(html, diff.htmlPage());
        }
        int code = 0;
        if (!gates.isEmpty()) {
            String names = String.join(",", gates.stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
            List<String> violations = diff.violations(gates);
            out.println();
            if (violations.isEmpty()) {
                out.println("gate " + names + ": passed");
            } else {
                out.println("gate " + names + ": FAILED, " + violations.size() + " type(s):");
                violations.forEach(v -> out.println("  " + v));
                code = GATE_FAILED;
            }
        }
        out.flush();
        return code;
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
