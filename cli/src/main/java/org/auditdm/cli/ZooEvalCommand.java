package org.auditdm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.world.bench.BenchItem;
import org.auditdm.world.bench.BenchRunner;
import org.auditdm.world.bench.BenchScorer;
import org.auditdm.world.bench.FamilyItems;
import org.auditdm.world.bench.RelationCheck;
import org.auditdm.world.bench.Suite;
import org.auditdm.world.bench.SuiteGenerator;
import org.auditdm.world.bench.SuiteScores;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.scene.SceneJson;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.train.DenseAccuracy;
import org.auditdm.zoo.train.WorldSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditdm zoo eval}: accuracy of zoo models on the benchmark suites, with 95% intervals. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate zoo models on the held-out benchmark suites: accuracy per suite with 95%% Wilson "
                + "intervals and the suite average, as a table and as JSON; --families scores per question family "
                + "on the training distribution instead; --relations looks at two-object spatial questions.")
final class ZooEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", split = ",", defaultValue = "S,M,L,R1,R2",
            description = "models: presets or checkpoint directories, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--bench", defaultValue = "all", description = "'all' or suite ids (default: ${DEFAULT-VALUE})")
    String bench;

    @Option(names = "--size", defaultValue = "300", description = "items per suite (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--json", description = "write the scores as JSON here")
    Path json;

    @Option(names = "--families", description = "instead of the suites, score per question family on the zoo's "
            + "own training distribution (training prior and paraphrases; --size items per family): does a model "
            + "fail a family even where it was trained?")
    boolean families;

    @Option(names = "--max-objects", defaultValue = "12", description = "with --families: skip object scenes with "
            + "more objects (1: single objects, no binding needed; default: ${DEFAULT-VALUE}, no cap)")
    int maxObjects;

    @Option(names = "--dense", description = "instead of the suites, score the dense heads of models that have them: "
            + "per head, the share of object-covered cells (8 batches of the training distribution) whose shape, "
            + "colour, size or fill the head names")
    boolean dense;

    @Option(names = "--relations", description = "instead of the suites, look at spatial relations in two-object "
            + "scenes of the training distribution (up to --size items): accuracy, whether the answer changes when "
            + "subject and other object swap places in the question, and whether the model places each object")
    boolean relations;

    @Override
    public Integer call() throws IOException {
        if (relations && families) {
            throw new IllegalArgumentException("--relations and --families are two different looks; give one");
        }
        if (relations) {
            PrintWriter out = spec.commandLine().getOut();
            List<BenchItem> items = RelationCheck.items(size);
            for (String name : models) {
                try (Checkpoints.Loaded loaded = Checkpoints.load(ZooModels.resolve(name))) {
                    Progress progress = new Progress(spec.commandLine().getErr(), "relations " + name, items.size());
                    RelationCheck r = RelationCheck.run(loaded.model(), items, progress::update);
                    progress.done();
                    out.println(name + " (" + loaded.model().id() + ")");
                    r.lines().forEach(l -> out.println("  " + l));
                }
            }
            return 0;
        }
        if (dense) {
            String[] heads = {"shape", "colour", "size", "fill"};
            PrintWriter out = spec.commandLine().getOut();
            for (String name : models) {
                try (Checkpoints.Loaded loaded = Checkpoints.load(ZooModels.resolve(name))) {
                    var m = loaded.model();
                    long[][] acc = DenseAccuracy.measure(m, WorldSource.training().withDenseTargets(m.spec().denseSide()),
                            FAMILY_SEED, 8);
                    StringBuilder line = new StringBuilder(m.id());
                    for (int h = 0; h < acc.length; h++) {
                        line.append(String.format(java.util.Locale.ROOT, "  %s %.1f%%", heads[h],
                                100.0 * acc[h][0] / acc[h][1]));
                    }
                    out.println(line + "  (" + acc[0][1] + " covered cells)");
                }
            }
            return 0;
        }
        if (!families && maxObjects != 12) {
            throw new IllegalArgumentException("--max-objects needs --families");
        }
        List<SuiteScores> scores = families
                ? score(models, FamilyItems.training(maxObjects).generate(size, FAMILY_SEED), spec.commandLine().getErr())
                : score(models, BenchCommand.suites(bench), size, spec.commandLine().getErr());
        BenchScorer.table(scores).forEach(spec.commandLine().getOut()::println);
        if (json != null) {
            writeJson(json, scores);
            spec.commandLine().getOut().println("wrote " + json);
        }
        return 0;
    }

    /** Seed of the {@code --families} items: fixed, so every model and every run sees the same items. */
    static final long FAMILY_SEED = 0xFA111E5L;

    /** Scores each model (a preset or checkpoint directory) on {@code size} items of each suite, with progress. */
    static List<SuiteScores> score(List<String> models, Set<Suite> suites, int size, PrintWriter err) {
        SuiteGenerator gen = new SuiteGenerator();
        List<BenchItem> items = new ArrayList<>();
        for (Suite s : suites) {
            items.addAll(gen.generate(s, size));
        }
        return score(models, items, err);
    }

    /** Scores each model on {@code items}, grouped by their suite field, with progress. */
    static List<SuiteScores> score(List<String> models, List<BenchItem> items, PrintWriter err) {
        BenchRunner runner = new BenchRunner(Renderer.DEFAULT_SIDE, new NormalizingJudge());
        List<SuiteScores> scores = new ArrayList<>();
        for (String name : models) {
            try (Checkpoints.Loaded loaded = Checkpoints.load(ZooModels.resolve(name))) {
                Progress progress = new Progress(err, "eval " + name, items.size());
                scores.add(runner.evaluate(loaded.model(), items, progress::update));
                progress.done();
            }
        }
        return scores;
    }

    /** Writes scores as pretty JSON (the format of {@code --json}), creating the parent directory. */
    static void writeJson(Path file, List<SuiteScores> scores) throws IOException {
        ObjectMapper m = SceneJson.mapper();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), scores);
    }
}
