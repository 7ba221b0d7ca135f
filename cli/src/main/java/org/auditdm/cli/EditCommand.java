package org.auditdm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.auditdm.world.edit.EditResult;
import org.auditdm.world.edit.Editor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditdm world edit --scene IN.json --edit "make the star green" -o OUT.json}. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Apply an edit command to a scene and print what changed, one change per line.")
public final class EditCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scene", required = true, paramLabel = "IN.json", description = "scene to edit")
    Path scene;

    @Option(names = "--edit", required = true, paramLabel = "COMMAND", description = "e.g. \"make the star green\"")
    String edit;

    @Option(names = "--seed", defaultValue = "0", description = "seed for placement of new or moved objects")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.json", description = "where to write the edited scene")
    Path output;

    @Override
    public Integer call() {
        Scene in = readScene(scene);
        EditResult r = Editor.apply(in, edit, new SplittableRandom(seed));
        r.lines().forEach(spec.commandLine().getOut()::println);
        if (output != null) {
            writeScene(output, r.scene());
        }
        return 0;
    }

    static Scene readScene(Path path) {
        try {
            return SceneJson.read(Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("scene file " + path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static void writeScene(Path path, Scene s) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, SceneJson.writePretty(s) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
