package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.auditdm.world.scene.SceneJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditAndCaptionCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void captionThenEditThenDescribe() throws Exception {
        Path scene = dir.resolve("s.json");
        Run c = run("world", "caption", "a large red solid star at the top left and two small blue solid circles",
                "--seed", "4", "-o", scene.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(SceneJson.read(Files.readString(scene)).objects()).hasSize(3);
        Path edited = dir.resolve("e.json");
        Run e = run("world", "edit", "--scene", scene.toString(), "--edit", "make the star green", "-o", edited.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out().trim()).isEqualTo("object 0 (star): colour red -> green");
        Run d = run("world", "caption", "--describe", edited.toString());
        assertThat(d.out()).startsWith("a large green solid star at the top left");
    }

    @Test
    void errorsAreOneLine() throws Exception {
        Path scene = dir.resolve("s.json");
        run("world", "caption", "two small blue circles", "-o", scene.toString());
        Run e = run("world", "edit", "--scene", scene.toString(), "--edit", "remove the circle");
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).startsWith("error: 'the circle' is ambiguous: 2 circles match");
        Run m = run("world", "edit", "--scene", dir.resolve("missing.json").toString(), "--edit", "add noise");
        assertThat(m.err()).contains("does not exist");
        Run p = run("world", "caption", "three red circels");
        assertThat(p.err()).contains("unknown word 'circels'");
    }
}
