package org.auditdm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auditdm.failures.FailureTypes;
import org.auditdm.report.AuditReport;
import org.auditdm.report.Chromium;
import org.auditdm.report.RunContents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code auditdm report RUN}: the run's report as one self-contained HTML page and its JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the report of an audit run: report.html (one self-contained page: summary, auditors"
                + " against baselines, failure types with exemplars, where the references fail more, the RL reward"
                + " curve) and report.json (its numbers).",
                "Prints the path of the HTML file."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run directory (with manifest.json and findings.jsonl).")
    Path run;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.html",
            description = "Where to write the page (default: RUN/report.html); the JSON goes beside it as FILE.json.")
    Path out;

    @Option(names = "--against", paramLabel = "EARLIER_RUN",
            description = "Add a section on what changed since an earlier run (its failure-types.json, or the file itself).")
    Path against;

    @Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "Also write a 1280x2000 screenshot of the page (needs chromium).")
    Path screenshot;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        RunContents contents = RunContents.read(run);
        FailureTypes previous = against == null ? null : DiffCommand.readTypes(against);
        if (previous != null && contents.failureTypes() == null) {
            throw new IllegalArgumentException("--against needs failure types in " + run
                    + ", but it has no " + FailureTypes.FILE);
        }
        AuditReport report = previous == null ? AuditReport.of(contents) : AuditReport.of(contents, previous);
        AuditReport.Written written = report.write(out == null ? run.resolve(AuditReport.HTML) : out);
        spec.commandLine().getOut().println(written.html());
        if (screenshot != null) {
            Chromium.require().screenshot(written.html(), screenshot, 1280, 2000);
            spec.commandLine().getOut().println(screenshot);
        }
        return 0;
    }
}
