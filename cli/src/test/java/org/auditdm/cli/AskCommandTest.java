package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {
    @TempDir
    Path dir;

    private Path scene() throws Exception {
        Scene s = Scene.ofObjects(List.of(
                new SceneObject(0, ShapeKind.STAR, NamedColor.GREEN, SizeClass.LARGE, Fill.SOLID, 0, 0.3, 0.3, null),
                new SceneObject(1, ShapeKind.CIRCLE, NamedColor.RED, SizeClass.MEDIUM, Fill.SOLID, 0, 0.7, 0.7, null),
                new SceneObject(2, ShapeKind.CIRCLE, NamedColor.BLUE, SizeClass.MEDIUM, Fill.SOLID, 0, 0.7, 0.2, null)),
                Backdrop.PLAIN_WHITE);
        Path p = dir.resolve("scene.json");
        Files.writeString(p, SceneJson.writePretty(s));
        return p;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void answersAQuestion() throws Exception {
        Result r = run("world", "ask", "--scene", scene().toString(), "what colour is the star?");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("family:   COLOR (template color.what)").contains("answer:   green");
    }

    @Test
    void reportsAmbiguityWithItsReason() throws Exception {
        Result r = run("world", "ask", "--scene", scene().toString(), "What", "colour", "is", "the", "circle?");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("AMBIGUOUS: two circles of different colours");
    }

    @Test
    void parseErrorsShowTheCaretAndExitWithTwo() throws Exception {
        Result r = run("world", "ask", "--scene", scene().toString(), "what colour is the strar?");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown word 'strar' (did you mean 'star'?) at column 20").contains("^");
    }

    @Test
    void missingSceneFileIsAReadableError() {
        Result r = run("world", "ask", "--scene", dir.resolve("nope.json").toString(), "what time is it?");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: scene file").contains("does not exist");
    }
}
