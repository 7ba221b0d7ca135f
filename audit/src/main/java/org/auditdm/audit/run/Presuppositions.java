package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.List;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.QuestionWriter;
import org.auditdm.world.question.Templates;
import org.auditdm.world.scene.ObjectFilter;

/**
 * What a question takes for granted, as questions the reference ensemble can check: "what shape is the
 * medium object?" presumes exactly one medium object, so the ensemble is asked "how many medium objects are
 * there?" and must agree on 1. A probe whose presupposition the ensemble does not confirm earns no reward:
 * without the check, an auditor learns to ask about objects that are absent or several (questions with no
 * single right answer, on which the ensemble shares a prior and the target another). Only the models answer
 * these checks; the oracle is never asked.
 */
public final class Presuppositions {
    /** The answer every check must get. */
    public static final String ONE = "1";

    private Presuppositions() {
    }

    /** Count questions whose answer must be {@value #ONE}; empty for questions outside the world grammar. */
    public static List<String> countChecks(String question) {
        Program p;
        try {
            p = QuestionParser.parse(question).program();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        switch (p.family()) {
            case COLOR, SHAPE, SIZE, FILL, POSITION, BINDING -> out.add(count(p.subject()));
            case TEXT_READING -> {
                if (p.subject() != null) {
                    out.add(count(p.subject()));
                }
            }
            case SPATIAL, SIZE_COMPARE -> {
                out.add(count(p.subject()));
                out.add(count(p.other()));
            }
            default -> {
            }
        }
        return out;
    }

    private static String count(ObjectFilter f) {
        boolean byShapeOnly = f.size() == null && f.color() == null && f.fill() == null;
        Family family = byShapeOnly ? Family.COUNT : Family.COUNT_ATTRIBUTE;
        return QuestionWriter.write(Program.about(family, f), Templates.of(family, false).get(0));
    }
}
