package org.auditdm.rectify;

import java.nio.file.Path;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.zoo.train.WorldSource;

/**
 * {@code auditdm rectify RUN}: builds the auditdm data from a run, writes it under
 * {@code RUN/rectify/data/auditdm}, and fine-tunes the target on it (replaying the training
 * distribution) into {@code outDir}.
 */
public final class RectifyJob {
    /** Where rectification data and checkpoints go inside a run directory. */
    public static Path rectifyDir(Path runDir) {
        return runDir.resolve("rectify");
    }

    public static Path dataDir(Path runDir, String name) {
        return rectifyDir(runDir).resolve("data").resolve(name);
    }

    /** The default checkpoint of the rectified target. */
    public static Path defaultOut(Path runDir) {
        return rectifyDir(runDir).resolve("S-rectified");
    }

    /**
     * @param data the data set written
     * @param pseudoLabelError label errors against the oracle (measurement)
     * @param result the fine-tune
     */
    public record Outcome(DataSet data, Accuracy pseudoLabelError, Rectifier.Result result) {
    }

    private RectifyJob() {
    }

    public static Outcome run(Workspace ws, DataBuilder.Recipe recipe, Rectifier.Options options, Path outDir,
                              TypeSampler sampler, StudyListener listener) {
        DataSet data = buildData(ws, recipe, sampler, listener);
        Accuracy err = PseudoLabelError.of(data.examples(), new NormalizingJudge());
        StudyListener.Phase p = listener.begin("fine-tune", options.steps());
        Rectifier.Result r = Rectifier.rectify(ws.targetDir(), data, WorldSource.training(), options, outDir,
                ws.runId(), progress -> p.update(progress.step(),
                        String.format(java.util.Locale.ROOT, "loss %.3f", progress.loss())));
        p.done();
        return new Outcome(data, err, r);
    }

    /** Builds the auditdm data and writes it to {@link #dataDir} {@code (RUN, "auditdm")}, without fine-tuning. */
    public static DataSet buildData(Workspace ws, DataBuilder.Recipe recipe, TypeSampler sampler,
                                    StudyListener listener) {
        DataBuilder builder = new DataBuilder(ws.runDir(), ws.judging(), ws.target().model().answerVocabulary(), recipe);
        DataSet data = builder.auditdm(ws.auditors(), sampler, listener);
        Path dataDir = dataDir(ws.runDir(), data.name());
        data.write(dataDir);
        listener.info("wrote " + data.examples().size() + " examples " + data.bySource() + " to " + dataDir);
        return data;
    }
}
