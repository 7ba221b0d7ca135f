package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.auditdm.world.question.Family;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.train.TrainingConfig;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.train.ZooTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm zoo train}: trains a preset on the world's training distribution, resumably, then
 * exports a compact float16 checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a zoo model (S, M or L) on the world's long-tailed training distribution. "
                + "Interrupted runs resume from the last checkpoint in --work when run again.")
final class ZooTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "preset: S, M or L")
    String model;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--steps", description = "training steps (default: 8000)")
    Integer steps;

    @Option(names = "--minutes", defaultValue = "0",
            description = "wall-clock budget; stops early when reached, 0 for none (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--batch", defaultValue = "64", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", description = "peak learning rate (default: S 2e-3, M and L 1e-3)")
    Double lr;

    @Option(names = "--work", description = "resumable float32 training directory (default: runs/zoo-train/MODEL-seedN)")
    Path work;

    @Option(names = "--out", description = "where to write the float16 checkpoint (default: models/zoo/MODEL)")
    Path out;

    @Option(names = "--families", split = ",", paramLabel = "FAMILY",
            description = "train only on these question families (for diagnosis or a curriculum; default: all); "
                    + "the vocabulary stays the whole distribution's")
    List<String> families;

    @Option(names = "--max-objects", defaultValue = "12",
            description = "skip object scenes with more objects (1: single objects; default: ${DEFAULT-VALUE}, no cap)")
    int maxObjects;

    @Option(names = "--dense", description = "add dense heads trained on which object covers each "
            + "cell of the image (shape, colour, size, fill), the annotation of a detection data set, as an auxiliary "
            + "loss next to the answers")
    boolean dense;

    @Option(names = "--block-coordinates", description = "FiLM CNN: every FiLM block also reads x and y coordinate "
            + "maps (Perez et al.'s FiLM), for questions about where objects are relative to one another")
    boolean blockCoordinates;

    @Option(names = "--pointer-geometry", defaultValue = "0", description = "with --pointers 2 or more: hand the "
            + "head this many question-weighted sums of the displacement between the first two pointers (experimental; "
            + "default: none)")
    int pointerGeometry;

    @Option(names = "--grounding", description = "with --pointers: train the pointers also on which object the "
            + "question's subject and other phrase name (a referring-expression annotation), as an auxiliary loss")
    boolean grounding;

    @Option(names = "--pointers", defaultValue = "0", description = "FiLM CNN: question-conditioned pointers in the "
            + "head, each handing it an attended feature and position (experimental; default: none)")
    int pointers;

    @Option(names = "--relation-width", defaultValue = "0", description = "FiLM CNN: a relation-network head of this "
            + "width over pairs of grid cells (experimental; default: none)")
    int relationWidth;

    @Option(names = "--grid-channels", description = "FiLM CNN: channels of the head's grid reduction (experimental; "
            + "default: the preset's)")
    Integer gridChannels;

    @Override
    public Integer call() {
        ModelSpec preset = ModelSpec.preset(model);
        if (gridChannels != null) {
            if (preset.film() == null) {
                throw new IllegalArgumentException("--grid-channels needs a FiLM CNN (S or L), not " + preset.name());
            }
            preset = new ModelSpec(preset.name(), preset.family(), preset.imageSize(), preset.maxQuestionTokens(),
                    preset.film().withGridChannels(gridChannels), null);
        }
        if (relationWidth > 0) {
            if (preset.film() == null) {
                throw new IllegalArgumentException("--relation-width needs a FiLM CNN (S or L), not " + preset.name());
            }
            preset = new ModelSpec(preset.name(), preset.family(), preset.imageSize(), preset.maxQuestionTokens(),
                    preset.film().withRelationWidth(relationWidth), null);
        }
        if (pointers > 0) {
            if (preset.film() == null) {
                throw new IllegalArgumentException("--pointers needs a FiLM CNN (S or L), not " + preset.name());
            }
            preset = new ModelSpec(preset.name(), preset.family(), preset.imageSize(), preset.maxQuestionTokens(),
                    preset.film().withPointers(pointers).withPointerGeometry(pointerGeometry), null);
        } else if (pointerGeometry > 0) {
            throw new IllegalArgumentException("--pointer-geometry needs --pointers 2");
        }
        if (blockCoordinates) {
            if (preset.film() == null) {
                throw new IllegalArgumentException("--block-coordinates needs a FiLM CNN (S or L), not " + preset.name());
            }
            preset = new ModelSpec(preset.name(), preset.family(), preset.imageSize(), preset.maxQuestionTokens(),
                    preset.film().withBlockCoordinates(true), null);
        }
        if (dense) {
            preset = preset.withDenseClasses(WorldSource.DENSE_CLASSES);
        }
        String name = preset.name();
        int n = steps != null ? steps : 8000;
        double peak = lr != null ? lr : name.equals("S") ? 2e-3 : 1e-3;
        TrainingConfig d = TrainingConfig.defaults(n, seed);
        TrainingConfig config = new TrainingConfig(n, batch, peak, peak / 100, Math.max(1, n / 20),
                d.weightDecay(), d.gradientClipNorm(), minutes, 50, Math.max(50, Math.min(500, n / 10)), seed);
        Path workDir = work != null ? work : Path.of("runs", "zoo-train", name + "-seed" + seed);
        Path outDir = out != null ? out : ZooModels.committed(name);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, "train " + name, n);
        WorldSource source = WorldSource.training(parseFamilies(families), maxObjects);
        if (dense) {
            source = source.withDenseTargets(preset.denseSide());
        }
        if (grounding) {
            if (pointers < 1) {
                throw new IllegalArgumentException("--grounding needs --pointers");
            }
            source = source.withGrounding(preset.film().featureSide(preset.imageSize()));
        }
        ZooTraining.Result r = ZooTraining.train(preset, config, source, workDir,
                p -> progress.update(p.step(), String.format(Locale.ROOT, "loss %.3f acc %.3f lr %.1e",
                        p.loss(), p.accuracy(), p.learningRate())));
        progress.done();
        CheckpointMetadata meta = Checkpoints.export(r.checkpoint(), outDir, Precision.FLOAT16, Clock.systemUTC());
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %s after %d steps (%s)%s%n", name, r.stopReason(), r.metadata().training().stepsDone(),
                r.resumed() ? "resumed" : "fresh", "");
        o.printf(Locale.ROOT, "parameters %d, final loss %.4f, checksum %s%n", meta.parameterCount(),
                r.metadata().training().finalLoss(), meta.parameterChecksum());
        o.println("wrote " + outDir + " (float16), training state in " + workDir);
        return 0;
    }

    private static List<Family> parseFamilies(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream().map(n -> {
            try {
                return Family.valueOf(n.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown question family '" + n + "'; known: "
                        + Arrays.stream(Family.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
            }
        }).toList();
    }
}
