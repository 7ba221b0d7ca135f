package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.AnswerJudge;
import org.auditdm.api.Consensus;
import org.auditdm.api.Picture;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.QuestionWriter;
import org.auditdm.world.question.Templates;
import org.auditdm.world.scene.ObjectFilter;

/**
 * What a question takes for granted, as questions the reference ensemble can check: "what shape is the
 * medium object?" presumes exactly one medium object, so the ensemble is asked "is there a medium object?"
 * (must agree on yes) and "how many medium objects are there?" (must agree on 1). A probe whose
 * presuppositions the ensemble does not confirm earns no reward: without the check, an auditor learns to ask
 * about objects that are absent or several (questions with no single right answer, on which the ensemble
 * shares a prior and the target another). The two checks catch different biases of the references: a zoo
 * weak on shapes counts "1 diamond" in a scene with none but still says no to "is there a green hexagon?".
 * Only the models answer these checks; the oracle is never asked.
 */
public final class Presuppositions {
    /** The answer every count check must get. */
    public static final String ONE = "1";
    /** The answer every existence check must get. */
    public static final String YES = "yes";

    /** One check: the ensemble must agree on {@code expected} to {@code question}. */
    public record Check(String question, String expected) {
    }

    private Presuppositions() {
    }

    /** The checks of a question's presuppositions; empty for questions outside the world grammar. */
    public static List<Check> checks(String question) {
        Program p;
        try {
            p = QuestionParser.parse(question).program();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Check> out = new ArrayList<>(4);
        switch (p.family()) {
            case COLOR, SHAPE, SIZE, FILL, POSITION, BINDING -> unique(p.subject(), out);
            case TEXT_READING -> {
                if (p.subject() != null) {
                    unique(p.subject(), out);
                }
            }
            case SPATIAL, SIZE_COMPARE -> {
                unique(p.subject(), out);
                unique(p.other(), out);
            }
            default -> {
            }
        }
        return out;
    }

    /** A check asked about the image of probe {@code owner}. */
    public record Asked(int owner, Check check, VisualQuestion question) {
        /** Whether the consensus {@code c} confirms this check under {@code judge}. */
        public boolean confirmedBy(Consensus c, AnswerJudge judge) {
            return c != null && c.agreed() && judge.same(c.answer(), check.expected());
        }
    }

    /** Appends the checks of probe {@code owner}'s question, each asked about its image, to {@code out}. */
    public static void addChecks(int owner, Picture image, String question, List<Asked> out) {
        for (Check c : checks(question)) {
            out.add(new Asked(owner, c, new VisualQuestion(image, c.question())));
        }
    }

    /** The questions to send for these checks, in order. */
    public static List<VisualQuestion> questions(List<Asked> asked) {
        return asked.stream().map(Asked::question).toList();
    }

    private static void unique(ObjectFilter f, List<Check> out) {
        Program exists = Program.about(Family.EXISTENCE, f);
        out.add(new Check(QuestionWriter.write(exists, Templates.of(Family.EXISTENCE, false).get(0)), YES));
        boolean byShapeOnly = f.size() == null && f.color() == null && f.fill() == null;
        Family family = byShapeOnly ? Family.COUNT : Family.COUNT_ATTRIBUTE;
        out.add(new Check(QuestionWriter.write(Program.about(family, f), Templates.of(family, false).get(0)), ONE));
    }
}
