package org.auditdm.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.auditdm.api.Picture;
import org.auditdm.world.render.Renderer;
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

    @Option(names = "--png", paramLabel = "OUT.png",
            description = "also write the scene before and after the edit, side by side")
    Path png;

    @Option(names = "--size", defaultValue = "256", paramLabel = "PX",
            description = "image side for --png (default: ${DEFAULT-VALUE})")
    int size;

    @Override
    public Integer call() {
        Scene in = readScene(scene);
        EditResult r = Editor.apply(in, edit, new SplittableRandom(seed));
        r.lines().forEach(spec.commandLine().getOut()::println);
        if (output != null) {
            writeScene(output, r.scene());
        }
        if (png != null) {
            Renderer renderer = new Renderer();
            BufferedImage before = renderer.render(in, size).toBufferedImage();
            BufferedImage after = renderer.render(r.scene(), size).toBufferedImage();
            int gap = Math.max(4, size / 32);
            BufferedImage both = new BufferedImage(2 * size + gap, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = both.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, both.getWidth(), size);
            g.drawImage(before, 0, 0, null);
            g.drawImage(after, size + gap, 0, null);
            g.dispose();
            try {
                Path parent = png.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(png, Picture.of(both).toPng());
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + png + ": " + e.getMessage(), e);
            }
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
