package org.auditdm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.train.TrainingConfig;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.train.ZooTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm zoo continue}: more training of a checkpoint on the world's training distribution
 * (a second cosine cycle), as a fine-tune whose provenance points to the parent.
 */
@Command(name = "continue", mixinStandardHelpOptions = true,
        description = "Continue training a checkpoint on the world's training distribution (a new learning-rate "
                + "cycle); the result's metadata names its parent.")
final class ZooFineTuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--parent", required = true, description = "checkpoint directory to continue from (float32 preferred)")
    Path parent;

    @Option(names = "--grounding", description = "train the pointers also on which object the question's phrases "
            + "name, as zoo train --grounding")
    boolean grounding;

    @Option(names = "--steps", required = true, description = "steps of the new cycle")
    int steps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--seed", defaultValue = "2",
            description = "data seed; must differ from the parent's so batches are new (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--minutes", defaultValue = "0", description = "time budget, 0 for none")
    double minutes;

    @Option(names = "--work", required = true, description = "resumable float32 directory of this cycle")
    Path work;

    @Option(names = "--out", required = true, description = "where to write the float16 checkpoint")
    Path out;

    @Override
    public Integer call() {
        CheckpointMetadata pm = Checkpoints.readMetadata(parent);
        if (pm.training() != null && pm.training().config() != null && pm.training().config().seed() == seed) {
            throw new IllegalArgumentException("--seed " + seed + " equals the parent's training seed: the new cycle "
                    + "would replay the same batches; choose another");
        }
        TrainingConfig d = TrainingConfig.defaults(steps, seed);
        TrainingConfig config = new TrainingConfig(steps, 64, lr, lr / 100, Math.max(1, steps / 20), d.weightDecay(),
                d.gradientClipNorm(), minutes, 50, Math.max(50, Math.min(500, steps / 10)), seed);
        Progress progress = new Progress(spec.commandLine().getErr(), "continue " + pm.size(), steps);
        WorldSource replay = WorldSource.training();
        if (!pm.spec().denseClasses().isEmpty()) {
            replay = replay.withDenseTargets(pm.spec().denseSide());
        }
        if (grounding) {
            if (pm.spec().film() == null || pm.spec().film().pointers() < 1) {
                throw new IllegalArgumentException("--grounding needs a checkpoint with pointers (zoo train --pointers)");
            }
            replay = replay.withGrounding(pm.spec().film().featureSide(pm.spec().imageSize()));
        }
        ZooTraining.Result r = ZooTraining.fineTune(parent, List.of(), replay, 1.0, config, work,
                p -> progress.update(p.step(), String.format(Locale.ROOT, "loss %.3f acc %.3f lr %.1e",
                        p.loss(), p.accuracy(), p.learningRate())));
        progress.done();
        CheckpointMetadata meta = Checkpoints.export(r.checkpoint(), out, Precision.FLOAT16, Clock.systemUTC());
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %s after %d more steps; final loss %.4f; checksum %s%n", pm.size(), r.stopReason(),
                r.metadata().training().stepsDone(), r.metadata().training().finalLoss(), meta.parameterChecksum());
        o.println("wrote " + out + " (float16; parent " + pm.id() + ")");
        return 0;
    }
}
