package org.auditdm.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.ParsedQuestion;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import org.auditdm.world.text.ParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code auditdm world ask --scene FILE "question"}: parses a question and lets the oracle answer it. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Parse a question and print the oracle's answer on a scene (exit 2 if the question is not understood).")
public final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scene", required = true, paramLabel = "FILE", description = "Scene graph JSON file.")
    Path scene;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question, e.g. \"what colour is the star?\".")
    String[] words;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(scene)) {
            throw new IllegalArgumentException("scene file " + scene + " does not exist");
        }
        Scene s = SceneJson.read(Files.readString(scene));
        String question = String.join(" ", words);
        ParsedQuestion parsed;
        try {
            parsed = QuestionParser.parse(question);
        } catch (ParseException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        out.println("family:   " + parsed.program().family() + " (template " + parsed.templateId() + ")");
        out.println("program:  " + json(parsed));
        OracleAnswer a = new Oracle().answer(s, parsed.program());
        out.println(a.isAnswer() ? "answer:   " + a.answer() : a.status() + ": " + a.reason());
        return 0;
    }

    private static String json(ParsedQuestion parsed) {
        try {
            return SceneJson.mapper().writeValueAsString(parsed.program());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
