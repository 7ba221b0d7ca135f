package org.auditdm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.caption.CaptionWriter;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm world caption "three red circles; on a gray background" -o OUT.json}, or
 * {@code auditdm world caption --describe IN.json} for a scene's canonical caption.
 */
@Command(name = "caption", mixinStandardHelpOptions = true,
        description = "Build a scene from a caption, or print the canonical caption of a scene.")
public final class CaptionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CAPTION", description = "e.g. \"three small red circles at the top left\"")
    String caption;

    @Option(names = "--describe", paramLabel = "IN.json", description = "print the canonical caption of this scene")
    Path describe;

    @Option(names = "--seed", defaultValue = "0", description = "seed for what the caption leaves open")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json", description = "where to write the scene (default: print it)")
    Path output;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (describe != null) {
            if (caption != null) {
                throw new IllegalArgumentException("give either a caption or --describe, not both");
            }
            out.println(CaptionWriter.describe(EditCommand.readScene(describe)));
            return 0;
        }
        if (caption == null) {
            throw new IllegalArgumentException("give a caption, or --describe IN.json");
        }
        Scene s = CaptionParser.parse(caption, seed);
        if (output != null) {
            EditCommand.writeScene(output, s);
            out.println(CaptionWriter.describe(s));
        } else {
            out.println(SceneJson.writePretty(s));
        }
        return 0;
    }
}
