package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.auditdm.api.Picture;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import org.auditdm.world.scene.SceneKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void rendersARandomSceneOfAKindAndItsJson(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("clock.png");
        Path json = dir.resolve("clock.json");
        assertThat(run("world", "render", "--random", "--kind", "clock", "--seed", "4", "--size", "96",
                "-o", png.toString(), "--json", json.toString())).isZero();
        Picture p = Picture.decode(Files.readAllBytes(png));
        assertThat(p.width()).isEqualTo(96);
        Scene scene = SceneJson.read(Files.readString(json));
        assertThat(scene.kind()).isEqualTo(SceneKind.CLOCK);
        assertThat(out.toString()).contains("wrote").contains("clock scene");

        // Rendering the written JSON again gives the same bytes.
        Path again = dir.resolve("again.png");
        assertThat(run("world", "render", "--scene", json.toString(), "--size", "96", "-o", again.toString())).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(png));
    }

    @Test
    void badInputsGiveOneLineErrors(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("x.png");
        assertThat(run("world", "render", "--scene", dir.resolve("missing.json").toString(), "-o", png.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("error: ").contains("does not exist");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"objects\": [ {\"id\": 0, \"shape\": \"BLOB\"} ]}");
        assertThat(run("world", "render", "--scene", bad.toString(), "-o", png.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.json").contains("invalid scene JSON");
        assertThat(run("world", "render", "--random", "--kind", "dog", "-o", png.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scene kind 'dog'");
        assertThat(run("world", "render", "--random", "--size", "4", "-o", png.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("image size 4");
        assertThat(png).doesNotExist();
    }
}
