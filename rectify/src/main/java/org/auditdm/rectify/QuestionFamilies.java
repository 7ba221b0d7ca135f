package org.auditdm.rectify;

import java.util.Locale;
import org.auditdm.world.question.QuestionParser;

/**
 * The question family of a rectification example, by its wording: the world grammar's family in
 * lower case with hyphens ({@code count-attribute}, {@code spatial}), or {@value #OTHER} for text the
 * grammar does not parse (questions of remote auditors, photo sidecars). Reads only the question text,
 * never a scene or the oracle.
 */
public final class QuestionFamilies {
    /** The family of questions outside the world grammar. */
    public static final String OTHER = "other";

    private QuestionFamilies() {
    }

    /** The family name of a question. */
    public static String of(String question) {
        try {
            return QuestionParser.parse(question).program().family().name().toLowerCase(Locale.ROOT).replace('_', '-');
        } catch (IllegalArgumentException e) { // a ParseException: not the world grammar
            return OTHER;
        }
    }
}
