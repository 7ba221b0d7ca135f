package org.auditdm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.auditdm.api.Picture;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import org.auditdm.world.scene.SceneKind;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auditdm world render}: paints a scene from a JSON file, a caption or at random, into a PNG. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a scene (from a JSON file, a caption, or sampled at random) to a PNG image.")
public final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--scene", paramLabel = "FILE.json", description = "Scene to render, as JSON.")
        Path scene;

        @Option(names = "--random", description = "Render a scene sampled from the training prior.")
        boolean random;

        @Option(names = "--caption", paramLabel = "TEXT",
                description = "Render a scene described in the caption language, e.g. "
                        + "\"three small red circles and a large blue star at the top left\".")
        String caption;
    }

    @Option(names = "--kind", paramLabel = "KIND",
            description = "With --random: objects, chart, sign or clock (default: drawn from the prior).")
    String kind;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "With --random or --caption: sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "" + Renderer.DEFAULT_SIDE,
            description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT.png", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the rendered scene as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (!source.random && kind != null) {
            throw new IllegalArgumentException("--kind applies only with --random");
        }
        if (source.scene != null && spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            throw new IllegalArgumentException("--seed applies only with --random or --caption");
        }
        Scene scene = source.random ? sample()
                : source.caption != null ? CaptionParser.parse(source.caption, seed) : read(source.scene);
        Picture picture = new Renderer().render(scene, size);
        write(out, picture.toPng());
        if (json != null) {
            write(json, SceneJson.writePretty(scene).getBytes(StandardCharsets.UTF_8));
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + size + "x" + size + ", "
                + scene.kind().word() + " scene, sha256 " + picture.sha256().substring(0, 12) + ")"
                + (json != null ? " and " + json : ""));
        return 0;
    }

    private Scene sample() {
        SceneSampler sampler = new SceneSampler(WorldPrior.TRAINING);
        SplittableRandom rng = new SplittableRandom(seed);
        return kind == null ? sampler.sample(rng) : sampler.sample(parseKind(kind), rng);
    }

    private static SceneKind parseKind(String word) {
        for (SceneKind k : SceneKind.values()) {
            if (k.word().equals(word.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown scene kind '" + word + "'; expected objects, chart, sign or clock");
    }

    private static Scene read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("scene file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scene file " + file + ": " + e.getMessage());
        }
        try {
            return SceneJson.read(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
