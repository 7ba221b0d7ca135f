package org.auditdm.world.question;

import java.util.EnumSet;
import java.util.Set;
import org.auditdm.world.scene.SceneKind;

/**
 * The kinds of question the world asks. Each family has one {@link Program} shape, several
 * paraphrasing {@link Template}s, and applies to some scene kinds only (asking about objects on a
 * chart is unanswerable).
 */
public enum Family {
    EXISTENCE("is there a red circle?", false, true, SceneKind.OBJECTS),
    COUNT("how many circles are there?", false, false, SceneKind.OBJECTS),
    COUNT_ATTRIBUTE("how many red objects are there?", false, false, SceneKind.OBJECTS),
    COLOR("what colour is the star?", false, false, SceneKind.OBJECTS),
    SHAPE("what shape is the blue object?", false, false, SceneKind.OBJECTS),
    SIZE("what size is the red circle?", false, false, SceneKind.OBJECTS),
    FILL("what pattern does the square have?", false, false, SceneKind.OBJECTS),
    SIZE_COMPARE("is the red circle bigger than the blue square?", false, true, SceneKind.OBJECTS),
    SPATIAL("is the circle to the left of the square?", false, true, SceneKind.OBJECTS),
    POSITION("where is the star?", false, false, SceneKind.OBJECTS),
    COUNT_COMPARE("are there more circles than squares?", false, true, SceneKind.OBJECTS),
    BINDING("is the red object a circle?", false, true, SceneKind.OBJECTS),
    NEGATION("how many objects are not red?", false, false, SceneKind.OBJECTS),
    UNIQUENESS("is there exactly one star?", false, true, SceneKind.OBJECTS),
    COLOR_COUNT("how many different colours do the objects have?", false, false, SceneKind.OBJECTS),
    TEXT_READING("what does the sign say? / what is written on the circle?", true, false,
            SceneKind.OBJECTS, SceneKind.SIGN),
    SIGN_COLOR("what colour is the sign?", true, false, SceneKind.OBJECTS, SceneKind.SIGN),
    CHART_VALUE("what is the value of bar C?", false, false, SceneKind.CHART),
    CHART_EXTREME("which bar is the tallest?", false, false, SceneKind.CHART),
    CHART_COMPARE("is bar A higher than bar B?", false, true, SceneKind.CHART),
    CLOCK("what time does the clock show?", false, false, SceneKind.CLOCK);

    private final String description;
    private final boolean textual;
    private final boolean yesNo;
    private final Set<SceneKind> kinds;

    Family(String description, boolean textual, boolean yesNo, SceneKind first, SceneKind... rest) {
        this.description = description;
        this.textual = textual;
        this.yesNo = yesNo;
        this.kinds = EnumSet.of(first, rest);
    }

    /** An example question, for help texts and reports. */
    public String description() {
        return description;
    }

    /** Whether the family is about written text (signs and labels). */
    public boolean textual() {
        return textual;
    }

    /** Whether every answer is "yes" or "no". */
    public boolean yesNo() {
        return yesNo;
    }

    /** The scene kinds this family can be asked about. */
    public Set<SceneKind> kinds() {
        return Set.copyOf(kinds);
    }

    public boolean appliesTo(SceneKind kind) {
        return kinds.contains(kind);
    }
}
