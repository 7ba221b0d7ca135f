package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.rectify.DataSet;
import org.auditdm.rectify.PseudoLabelError;
import org.auditdm.rectify.RectifyJob;
import org.auditdm.rectify.Workspace;
import org.auditdm.world.bench.Accuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auditdm rectify RUN}: turn a run's discoveries into consensus-labelled data and fine-tune the target. */
@Command(name = "rectify", mixinStandardHelpOptions = true,
        description = "Build rectification data from an audit run (its findings, fresh probes of validated failure "
                + "types, and auditor questions on the unlabelled image pool, all labelled by the reference "
                + "ensemble's consensus) and fine-tune the target on it with replay of its training distribution.")
final class RectifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "audit run directory")
    Path run;

    @Option(names = "--out", description = "checkpoint directory (default: RUN/rectify/S-rectified)")
    Path out;

    @Option(names = "--data-only", description = "build and write the data (RUN/rectify/data/auditdm) without "
            + "fine-tuning, e.g. to export it for a real VLM")
    boolean dataOnly;

    @Mixin
    RectifyOptions options;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path target = out != null ? out : RectifyJob.defaultOut(run);
        try (Workspace ws = options.open(run)) {
            if (dataOnly) {
                DataSet data = RectifyJob.buildData(ws, options.recipe(), RectifyOptions.typeSampler(ws, options.seed),
                        RectifyOptions.listener(spec.commandLine().getErr()));
                printData(o, data, PseudoLabelError.of(data.examples(), new NormalizingJudge()));
                return 0;
            }
            RectifyJob.Outcome r = RectifyJob.run(ws, options.recipe(), options.training(), target,
                    RectifyOptions.typeSampler(ws, options.seed),
                    RectifyOptions.listener(spec.commandLine().getErr()));
            printData(o, r.data(), r.pseudoLabelError());
            o.printf(Locale.ROOT, "rectified checkpoint: %s (%s), parent %s, %d steps in %.0f s (%.2f steps/s)%n",
                    r.result().checkpoint(), r.result().metadata().id(), r.result().metadata().parent().id(),
                    options.steps, r.result().seconds(), options.steps / r.result().seconds());
        }
        return 0;
    }

    private void printData(PrintWriter o, DataSet data, Accuracy err) {
        o.println("data: " + data.examples().size() + " examples " + data.bySource() + " in "
                + RectifyJob.dataDir(run, data.name()));
        o.println("by question family: " + data.byFamily());
        o.println("augment: " + data.recipe().get("augment"));
        o.println("pseudo-label error vs oracle (measurement only): " + err.percent() + " of " + err.total()
                + " checkable labels");
    }
}
