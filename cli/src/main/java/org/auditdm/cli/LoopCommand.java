package org.auditdm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.auditdm.audit.loop.AuditRunner;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunJson;
import org.auditdm.failures.FailureTypes;
import org.auditdm.rectify.RectifyJob;
import org.auditdm.rectify.Workspace;
import org.auditdm.world.bench.BenchScorer;
import org.auditdm.world.bench.SuiteScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm loop --rounds N}: audit, rectify, re-audit. Round r audits the current target into
 * {@code OUT/round-r/audit}, rectifies it into {@code OUT/round-r/S-rectified}, and the rectified model
 * is the next round's target; a final audit measures the last rectified target. Every step resumes
 * if interrupted (audits resume their run directory, fine-tunes return a finished checkpoint).
 */
@Command(name = "loop", mixinStandardHelpOptions = true,
        description = "Iterate audit -> rectify -> re-audit for N rounds: each round's rectified target is audited next.")
final class LoopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "1", description = "audit + rectify rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = {"-o", "--out"}, defaultValue = "runs/loop", description = "loop directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--reaudit", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "after each rectification, audit the rectified target again with the round's trained auditor "
                    + "as it is (no GRPO): how much of what it found is gone (default: on; --no-reaudit to skip)")
    boolean reaudit;

    @Option(names = "--audit-seeds", description = "seeds per audit (default: the audit default)")
    Integer auditSeeds;

    @Option(names = "--audit-steps", description = "GRPO steps per audit (default: the audit default)")
    Integer auditSteps;

    @Option(names = "--samples-per-seed", description = "auditor texts per seed in discovery")
    Integer samplesPerSeed;

    @Option(names = "--audit-min-confidence", description = "each audit rewards only agreements every reference "
            + "gives at least this probability (default: the audit default; 0: off)")
    Double auditMinConfidence;

    @Mixin
    RectifyOptions options;

    /** One round's figures, read back from its run directory. */
    record RoundSummary(int round, String target, int findings, double rlSearchSuccess, double rlFindingPrecision) {
    }

    @Option(names = "--bench-size", defaultValue = "300", description = "items per benchmark suite when scoring every"
            + " round's target and the references on the 16 held-out suites at the end (0: skip; default: ${DEFAULT-VALUE})")
    int benchSize;

    @Option(names = "--type-probes", defaultValue = "60",
            description = "fresh probes per failure type when re-validating each round (default: ${DEFAULT-VALUE})")
    int typeProbes;

    @Override
    public Integer call() {
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = ZooModels.resolve(options.target());
        List<RoundSummary> summaries = new ArrayList<>();
        FailureTypes previous = null;
        for (int r = 1; r <= rounds + 1; r++) {
            Path roundDir = out.resolve("round-" + r);
            Path auditDir = roundDir.resolve("audit");
            err.println("round " + r + ": auditing " + target);
            audit(target, auditDir);
            RoundSummary summary = summary(r, target, auditDir);
            if (summary.findings() == 0) {
                summaries.add(summary);
                o.println("round " + r + ": the audit found no failure of " + target + "; nothing to type or rectify, "
                        + "the loop stops here");
                break;
            }
            FailureTypes types = TypesCommand.analyse(auditDir, null, typeProbes, 0, err);
            TypesCommand.print(o, types);
            FailureTypes earlier = previous;
            org.auditdm.report.AuditReport report = earlier == null
                    ? org.auditdm.report.AuditReport.of(org.auditdm.report.RunContents.read(auditDir))
                    : org.auditdm.report.AuditReport.of(org.auditdm.report.RunContents.read(auditDir), earlier);
            o.println("report: " + report.write(auditDir.resolve(org.auditdm.report.AuditReport.HTML)).html());
            if (earlier != null) {
                o.println("failure types, round " + (r - 1) + " -> round " + r + ":");
                o.print(org.auditdm.report.RunDiff.between(earlier, types).text());
            }
            previous = types;
            summaries.add(summary);
            if (r == rounds + 1) {
                break; // the re-audit of the last rectified target
            }
            Path rectified = roundDir.resolve("S-rectified");
            err.println("round " + r + ": rectifying into " + rectified);
            try (Workspace ws = options.open(auditDir, target)) {
                RectifyJob.Outcome outcome = RectifyJob.run(ws, options.recipe(), options.training(), rectified,
                        RectifyOptions.typeSampler(ws, options.seed),
                        RectifyOptions.listener(err));
                o.println("round " + r + ": " + outcome.data().examples().size() + " examples "
                        + outcome.data().bySource() + ", pseudo-label error " + outcome.pseudoLabelError().percent()
                        + ", rectified " + outcome.result().metadata().id());
            }
            o.println("round " + r + ": failure types of this round with the rectified target (same fresh probes):");
            TypesCommand.recheck(auditDir, rectified.toString(), typeProbes, o);
            Path trainedAuditor = AuditRunner.rlAuditorDir(auditDir);
            if (reaudit && Files.isRegularFile(trainedAuditor.resolve(PolicyCheckpoint.METADATA))) {
                Path again = roundDir.resolve("reaudit");
                err.println("round " + r + ": the round's trained auditor audits " + rectified + " (no GRPO)");
                audit(rectified, again, trainedAuditor);
                RoundSummary after = summary(r, rectified, again);
                o.printf(Locale.ROOT, "round %d: the round's trained auditor, without retraining: RL search success %s -> %s,"
                        + " findings %d -> %d (%s)%n", r, RectifyOptions.percent(summary.rlSearchSuccess()),
                        RectifyOptions.percent(after.rlSearchSuccess()), summary.findings(), after.findings(), again);
            }
            target = rectified;
        }
        Map<String, SuiteScores> scores = benchSize > 0 ? score(summaries, err) : Map.of();
        if (!scores.isEmpty()) {
            o.println("the 16 held-out suites (" + benchSize + " items each; written to "
                    + out.resolve(ROUNDS_EVAL) + "):");
            BenchScorer.table(List.copyOf(scores.values())).forEach(o::println);
        }
        o.printf(Locale.ROOT, "%-6s %-48s %9s %22s %22s %16s%n", "round", "target", "findings", "RL search success",
                "RL finding precision", "suite average");
        for (RoundSummary s : summaries) {
            SuiteScores sc = scores.get(s.target());
            o.printf(Locale.ROOT, "%-6d %-48s %9d %22s %22s %16s%n", s.round(), s.target(), s.findings(),
                    RectifyOptions.percent(s.rlSearchSuccess()), RectifyOptions.percent(s.rlFindingPrecision()),
                    sc == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * sc.average()));
        }
        return 0;
    }

    /** Where the end-of-loop benchmark scores are written, in the loop directory. */
    static final String ROUNDS_EVAL = "rounds-eval.json";

    /** Every round's target, then the references, on all held-out suites; written to {@link #ROUNDS_EVAL}. */
    private Map<String, SuiteScores> score(List<RoundSummary> summaries, PrintWriter err) {
        List<String> distinct = Stream.concat(summaries.stream().map(RoundSummary::target),
                options.references().stream()).distinct().toList();
        List<SuiteScores> list = ZooEvalCommand.score(distinct, BenchCommand.suites("all"), benchSize, err);
        Map<String, SuiteScores> scores = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            scores.put(distinct.get(i), list.get(i));
        }
        try {
            ZooEvalCommand.writeJson(out.resolve(ROUNDS_EVAL), list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(ROUNDS_EVAL) + ": " + e.getMessage(), e);
        }
        return scores;
    }

    private void audit(Path target, Path auditDir) {
        audit(target, auditDir, null);
    }

    /** Audits {@code target}; with {@code startAuditor}, that trained auditor as it is (0 GRPO steps). */
    private void audit(Path target, Path auditDir, Path startAuditor) {
        List<String> args = new ArrayList<>(List.of("--target", target.toString(), "--reference",
                String.join(",", options.references()), "-o", auditDir.toString(), "--seed", Long.toString(options.seed)));
        if (auditSeeds != null) {
            args.addAll(List.of("--seeds", auditSeeds.toString()));
        }
        if (startAuditor != null) {
            args.addAll(List.of("--start-auditor", startAuditor.toString(), "--steps", "0"));
        } else if (auditSteps != null) {
            args.addAll(List.of("--steps", auditSteps.toString()));
        }
        if (samplesPerSeed != null) {
            args.addAll(List.of("--samples-per-seed", samplesPerSeed.toString()));
        }
        if (auditMinConfidence != null) {
            args.addAll(List.of("--min-confidence", auditMinConfidence.toString()));
        }
        if (options.baseAuditor != null) {
            args.addAll(List.of("--base", options.baseAuditor.toString()));
        }
        CommandLine cl = new CommandLine(new AuditCommand());
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            throw ex;
        });
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the audit of " + target + " failed (exit code " + code + ")");
        }
    }

    private static RoundSummary summary(int round, Path target, Path auditDir) {
        try {
            long findings;
            try (var lines = Files.lines(auditDir.resolve(RunDirectory.FINDINGS))) {
                findings = lines.filter(l -> !l.isBlank()).count();
            }
            double success = Double.NaN;
            double precision = Double.NaN;
            Path measures = auditDir.resolve("measures.json");
            if (Files.exists(measures)) {
                JsonNode m = RunJson.mapper().readTree(measures.toFile()).path("auditor:rl");
                success = m.path("searchSuccess").path("rate").asDouble(Double.NaN);
                precision = m.path("findingPrecision").path("rate").asDouble(Double.NaN);
            }
            return new RoundSummary(round, target.toString(), (int) findings, success, precision);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit in " + auditDir, e);
        }
    }
}
