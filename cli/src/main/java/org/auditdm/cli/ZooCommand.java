package org.auditdm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.auditdm.zoo.bench.BenchmarkReport;
import org.auditdm.zoo.bench.ZooBenchmark;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditdm zoo ...}: the embedded model zoo. */
@Command(name = "zoo", mixinStandardHelpOptions = true,
        description = "The model zoo: tiny vision-language models trained with DJL.",
        subcommands = {ZooTrainCommand.class, ZooFineTuneCommand.class, ZooEvalCommand.class, ZooCommand.Bench.class})
public final class ZooCommand {

    /** {@code auditdm zoo bench}: speed table for fresh S/M/L models or given checkpoints. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmark zoo models: parameters, FLOPs, inferences/s at batch 1 and 64, GFLOP/s vs "
                    + "a matmul peak measured in the same run.")
    static final class Bench implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--checkpoint", paramLabel = "DIR",
                description = "Checkpoint directory to benchmark (repeatable); default: fresh models of --sizes.")
        List<Path> checkpoints = new ArrayList<>();

        @Option(names = "--sizes", split = ",", defaultValue = "S,M,L",
                description = "Preset sizes for freshly initialised models (default: ${DEFAULT-VALUE}).")
        List<String> sizes;

        @Option(names = "--answers", defaultValue = "100",
                description = "Answer vocabulary size for fresh models (default: ${DEFAULT-VALUE}).")
        int answers;

        @Option(names = "--question-words", defaultValue = "200",
                description = "Question vocabulary size for fresh models (default: ${DEFAULT-VALUE}).")
        int questionWords;

        @Option(names = "--seconds", defaultValue = "2",
                description = "Measuring time per batch size and model (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--train-steps", defaultValue = "0",
                description = "Also time this many training steps at batch 64 (fresh models only; default: "
                        + "${DEFAULT-VALUE}).")
        int trainSteps;

        @Override
        public Integer call() {
            if (trainSteps > 0 && !checkpoints.isEmpty()) {
                throw new IllegalArgumentException("--train-steps times fresh models only; drop --checkpoint");
            }
            if (seconds <= 0 || answers < 2 || questionWords < 3 || trainSteps < 0) {
                throw new IllegalArgumentException("need --seconds > 0, --answers >= 2 and --question-words >= 3");
            }
            List<ZooModel> models = new ArrayList<>();
            try {
                if (!checkpoints.isEmpty()) {
                    for (Path p : checkpoints) {
                        models.add(Checkpoints.load(p).model());
                    }
                } else {
                    List<String> words = new ArrayList<>(List.of(QuestionVocabulary.PAD, QuestionVocabulary.UNK));
                    for (int i = 2; i < questionWords; i++) {
                        words.add("word" + i);
                    }
                    List<String> answerList = new ArrayList<>();
                    for (int i = 0; i < answers; i++) {
                        answerList.add("answer" + i);
                    }
                    QuestionVocabulary qv = new QuestionVocabulary(words);
                    AnswerVocabulary av = new AnswerVocabulary(answerList);
                    for (String s : sizes) {
                        ModelSpec ms = ModelSpec.preset(s);
                        models.add(ZooModel.initialise("zoo:" + ms.name() + "(fresh)", ms, qv, av, 1));
                    }
                }
                BenchmarkReport report = ZooBenchmark.run(models, Duration.ofMillis((long) (seconds * 1000)),
                        trainSteps);
                spec.commandLine().getOut().print(report.table());
                spec.commandLine().getOut().flush();
                return 0;
            } finally {
                models.forEach(ZooModel::close);
            }
        }
    }
}
