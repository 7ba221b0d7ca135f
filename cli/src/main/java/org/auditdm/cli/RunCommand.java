package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.failures.FailureTypes;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditdm run}: the main job, the full embedded audit of S against the R1+R2 ensemble (relation-aware
 * references) with sensible defaults. {@code --quick} is a small preset for demos and tests.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The full embedded audit: S audited against the R1+R2 reference ensemble (defaults suited to "
                + "a 2-core laptop); --quick for a demo-sized run. Target, references and output (runs/main, "
                + "runs/quick) are fixed unless given as flags; for a fully custom audit use 'auditdm audit --config'.")
public final class RunCommand extends AuditCommand {
    @Option(names = "--quick", description = "demo preset: 40 seeds, 20 GRPO steps, 4 samples per seed, a small "
            + "rectification round")
    boolean quick;

    @Option(names = "--no-rectify", description = "stop after the failure types and the report (no rectification round)")
    boolean noRectify;

    @Override
    protected Map<String, String> presetFlags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", "S");
        m.put("references", "R1,R2");
        m.put("output", quick ? "runs/quick" : "runs/main");
        if (quick) {
            m.put("seeds", "40");
            m.put("steps", "20");
            m.put("samplesPerSeed", "4");
        }
        return m;
    }

    /** The main job goes on from findings to failure types. */
    @Override
    protected void afterAudit(Path runDir, VisionLanguageModel target, List<VisionLanguageModel> references,
                              PrintWriter out, PrintWriter err) {
        FailureTypes types = TypesCommand.analyse(runDir, target, references, null, quick ? 20 : 60, 0, err);
        TypesCommand.print(out, types);
        out.println("failure types: " + runDir.resolve(FailureTypes.FILE));
        if (!noRectify) {
            rectify(runDir, out, err);
        }
        out.println("report: " + org.auditdm.report.AuditReport.writeInto(runDir).html());
    }

    /**
     * One rectification round: consensus-labelled data (findings, fresh probes of the validated types, bootstrap
     * on the unlabelled pool), S fine-tuned on it, and the before/after table on the 16 suites with the references,
     * M and L.
     */
    private void rectify(Path runDir, PrintWriter out, PrintWriter err) {
        RectifyOptions options = new RectifyOptions();
        new picocli.CommandLine(options).parseArgs(quick ? new String[] {"--size", "400", "--steps", "60"}
                : new String[0]);
        try (org.auditdm.rectify.Workspace ws = options.open(runDir)) {
            org.auditdm.rectify.RectificationStudy.Result r = org.auditdm.rectify.RectificationStudy.run(ws,
                    options.recipe(), options.training(), RectifyOptions.typeSampler(ws, options.seed),
                    quick ? 50 : 300, RectifyOptions.listener(err),
                    org.auditdm.rectify.RectificationStudy.Rows.BEFORE_AFTER,
                    RectifyOptions.comparisons(ws, List.of(RectifyOptions.DEFAULT_COMPARISONS.split(","))));
            r.markdown().forEach(out::println);
            out.println("rectification: " + runDir.resolve(org.auditdm.rectify.RectificationStudy.FILE));
        }
    }
}
