package org.auditdm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auditdm.rectify.DataSet;
import org.auditdm.rectify.Export;
import org.auditdm.rectify.RectifyJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code auditdm export RUN}: rectification data for fine-tuning other VLMs. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run's rectification data (built by 'auditdm rectify') as JSONL plus PNG images, in the "
                + "LLaVA conversation format or the OpenAI vision fine-tuning chat format (see README).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "audit run directory")
    Path run;

    @Option(names = "--format", required = true, description = "llava or openai")
    String format;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--data", defaultValue = "auditdm",
            description = "data set under RUN/rectify/data (auditdm, random, base-auditor; default: ${DEFAULT-VALUE})")
    String data;

    @Override
    public Integer call() {
        Export.Format f = Export.Format.parse(format);
        Path dir = RectifyJob.dataDir(run, data);
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no rectification data '" + data + "' in " + run
                    + " (run 'auditdm rectify " + run + "' first)");
        }
        DataSet d = DataSet.read(dir);
        Path file = Export.write(d, f, out);
        spec.commandLine().getOut().println("wrote " + d.examples().size() + " examples to " + file
                + " (images in " + out.resolve("images") + ")");
        return 0;
    }
}
