package org.auditdm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.auditdm.audit.policy.BaseAuditorTraining;
import org.auditdm.audit.policy.PolicyCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditdm auditor ...}: the auditor policy outside an audit run. */
@Command(name = "auditor", mixinStandardHelpOptions = true,
        description = "The auditor policy: supervised training of the base (prompt-only) auditor.",
        subcommands = {AuditorCommand.TrainBase.class})
public final class AuditorCommand {

    /** Trains the base auditor: supervised on valid world text for seed images. */
    @Command(name = "train-base", mixinStandardHelpOptions = true,
            description = "Train the base auditor (the RL starting point and the prompt-only baseline) on valid "
                    + "world questions, edit commands and captions for seed images.")
    static final class TrainBase implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--steps", defaultValue = "6000", description = "maximum steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--minutes", defaultValue = "15", description = "time budget (default: ${DEFAULT-VALUE})")
        double minutes;

        @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = {"-o", "--out"}, description = "checkpoint directory (default: models/auditor/base)")
        Path out;

        @Override
        public Integer call() {
            Path dir = out != null ? out : ZooModels.baseAuditor();
            BaseAuditorTraining.Config c = BaseAuditorTraining.Config.standard(steps, seed);
            c = new BaseAuditorTraining.Config(c.spec(), c.vocabularyCorpus(), c.seed(), c.poolSeed(), c.poolSize(),
                    c.batchSize(), c.maxSteps(), c.learningRate(), c.warmupFraction(), c.weightDecay(), c.clipNorm(),
                    Duration.ofSeconds((long) (minutes * 60)));
            Progress p = new Progress(spec.commandLine().getErr(), "base auditor", steps);
            PolicyCheckpoint.Metadata m = BaseAuditorTraining.train(c, dir, (step, max, loss, lr) ->
                    p.update(step, String.format(Locale.ROOT, "loss %.3f lr %.1e", loss, lr)));
            p.done();
            spec.commandLine().getOut().println("wrote " + dir + ": " + m.parameterCount() + " parameters, "
                    + m.training());
            return 0;
        }
    }
}
