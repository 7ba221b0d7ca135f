package org.auditdm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.world.bench.BenchExport;
import org.auditdm.world.bench.BenchScorer;
import org.auditdm.world.bench.Suite;
import org.auditdm.world.bench.SuiteScores;
import org.auditdm.world.question.OracleThroughput;
import org.auditdm.world.render.RenderThroughput;
import org.auditdm.world.render.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auditdm bench ...}: the 16 benchmark suites, and speed measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark suites (export, score) and speed measurements.",
        subcommands = {BenchCommand.World.class, BenchCommand.Export.class, BenchCommand.Score.class,
            BenchAuditCommand.class, BenchRectifyCommand.class})
public final class BenchCommand {

    /** Parses "all" or a comma-separated list of suite ids. */
    static Set<Suite> suites(String spec) {
        if (spec.equalsIgnoreCase("all")) {
            return new LinkedHashSet<>(Arrays.asList(Suite.values()));
        }
        Set<Suite> out = new LinkedHashSet<>();
        for (String id : spec.split(",")) {
            out.add(Suite.byId(id));
        }
        return out;
    }

    @Command(name = "world", mixinStandardHelpOptions = true,
            description = "Measure rendering and oracle throughput on this machine.")
    static final class World implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--threads", defaultValue = "2", description = "threads for the parallel runs (default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--scenes", defaultValue = "4000", description = "scenes per timed round (default: ${DEFAULT-VALUE})")
        int scenes;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-34s %14s %14s %8s%n", "measurement", "1 thread /s", threads + " threads /s", "speedup");
            for (int side : new int[] {Renderer.DEFAULT_SIDE, 128, 256}) {
                RenderThroughput.Result r = RenderThroughput.measure(side, side > 128 ? scenes / 4 : scenes, threads, 1);
                out.printf(Locale.ROOT, "%-34s %14.0f %14.0f %8.2f%n", "render " + side + "px scenes",
                        r.singleThreadPerSecond(), r.parallelPerSecond(), r.parallelPerSecond() / r.singleThreadPerSecond());
                out.flush();
            }
            OracleThroughput o = OracleThroughput.measure(scenes, threads, 1);
            out.printf(Locale.ROOT, "%-34s %14.0f %14.0f %8.2f%n", "oracle questions (parse + answer)",
                    o.singleThreadPerSecond(), o.multiThreadPerSecond(), o.multiThreadPerSecond() / o.singleThreadPerSecond());
            out.println("cores available: " + Runtime.getRuntime().availableProcessors()
                    + "; target: >= 1000 rendered scenes/s at " + Renderer.DEFAULT_SIDE + "px on 2 cores");
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write benchmark suites as JSONL plus PNG files (format: see README).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "output directory")
        Path dir;

        @Option(names = "--suites", defaultValue = "all", description = "'all' or ids, comma-separated (default: ${DEFAULT-VALUE})")
        String suites;

        @Option(names = "--size", defaultValue = "300", description = "items per suite (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--image-size", defaultValue = "" + Renderer.DEFAULT_SIDE,
                description = "image side in pixels (default: ${DEFAULT-VALUE})")
        int imageSide;

        @Override
        public Integer call() throws IOException {
            Set<Suite> chosen = suites(suites);
            int total = chosen.size() * size;
            Progress progress = new Progress(spec.commandLine().getErr(), "export", total);
            BenchExport.export(dir, chosen, size, imageSide, progress::update);
            progress.done();
            spec.commandLine().getOut().println("wrote " + total + " items in " + chosen.size() + " suites to " + dir);
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Score a predictions file (JSONL lines {\"id\", \"answer\"}) against an exported benchmark.")
    static final class Score implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BENCH_DIR")
        Path dir;

        @Parameters(index = "1", paramLabel = "PREDICTIONS.jsonl")
        Path predictions;

        @Option(names = "--name", defaultValue = "model", description = "model name for the table")
        String name;

        @Override
        public Integer call() throws IOException {
            SuiteScores s = new BenchScorer(new NormalizingJudge()).score(name, dir, predictions);
            List<SuiteScores> one = new ArrayList<>(List.of(s));
            BenchScorer.table(one).forEach(spec.commandLine().getOut()::println);
            if (s.missing() > 0) {
                spec.commandLine().getOut().println(s.missing() + " items had no prediction and count as wrong");
            }
            return 0;
        }
    }
}
