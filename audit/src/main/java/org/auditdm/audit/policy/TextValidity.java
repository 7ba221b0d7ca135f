package org.auditdm.audit.policy;

import java.util.SplittableRandom;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.edit.Editor;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.scene.Scene;

/**
 * Whether auditor text is usable in its mode: a question the question parser reads, an edit that
 * parses and applies to the seed scene, a caption the caption parser turns into a scene.
 */
public final class TextValidity {
    private TextValidity() {
    }

    /** True when {@code text} is usable as a {@code mode} text for the seed {@code scene}. */
    public static boolean valid(ProbeMode mode, String text, Scene scene) {
        try {
            switch (mode) {
                case QUESTION -> QuestionParser.parse(text);
                case EDIT -> Editor.apply(scene, text, new SplittableRandom(0));
                case CAPTION -> CaptionParser.parse(text, 0);
                default -> throw new AssertionError(mode);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
