package org.auditdm.world.edit;

import org.auditdm.world.caption.CaptionWriter;
import org.auditdm.world.caption.TextLiteral;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.text.Lexicon;

/** Writes the canonical command of an edit; {@code EditParser.parse(write(e))} equals {@code e}. */
public final class EditWriter {
    private EditWriter() {
    }

    public static String write(Edit edit) {
        if (edit instanceof Edit.Recolor e) {
            return "make " + e.target().words() + " " + e.color().word();
        }
        if (edit instanceof Edit.Remove e) {
            return "remove " + e.target().words();
        }
        if (edit instanceof Edit.Add e) {
            return "add " + counted(e.count(), e.what())
                        + (e.region() == null ? "" : " " + CaptionWriter.place(e.region()));
        }
        if (edit instanceof Edit.MoveTo e) {
            return "move " + e.target().words() + " to the " + e.region().words();
        }
        if (edit instanceof Edit.MoveBeside e) {
            return "move " + e.target().words() + " " + e.relation().words() + " "
                        + e.anchor().words();
        }
        if (edit instanceof Edit.Resize e) {
            return "make " + e.target().words() + " " + e.size().word();
        }
        if (edit instanceof Edit.Scale e) {
            return "make " + e.target().words() + (e.bigger() ? " bigger" : " smaller");
        }
        if (edit instanceof Edit.Reshape e) {
            return "turn " + e.target().words() + " into "
                        + (e.target().all() ? e.shape().plural() : "a " + e.shape().word());
        }
        if (edit instanceof Edit.Refill e) {
            return "make " + e.target().words() + " " + CaptionWriter.fillWord(e.fill());
        }
        if (edit instanceof Edit.Rotate e) {
            return "rotate " + e.target().words() + " by " + e.degrees() + " degrees";
        }
        if (edit instanceof Edit.Swap e) {
            return "swap " + e.first().words() + " and " + e.second().words();
        }
        if (edit instanceof Edit.Label e) {
            return "write " + TextLiteral.write(e.text()) + " on " + e.target().words();
        }
        if (edit instanceof Edit.Unlabel e) {
            return "erase the label on " + e.target().words();
        }
        if (edit instanceof Edit.SetSignText e) {
            return "change the sign to " + TextLiteral.write(e.text());
        }
        if (edit instanceof Edit.SetBar e) {
            return "set bar " + e.label() + " to " + e.value();
        }
        if (edit instanceof Edit.SetClock e) {
            return "set the clock to " + e.time();
        }
        if (edit instanceof Edit.SetBackground e) {
            return "make the background " + e.color().word();
        }
        if (edit instanceof Edit.Perturb e) {
            return e.kind().command();
        }
        if (edit instanceof Edit.Clutter e) {
            return e.add() ? "add clutter" : "remove the clutter";
        }
        throw new IllegalArgumentException("unknown edit " + edit);
    }

    /** "a red circle", "an orange star", "three red circles". */
    static String counted(int n, ObjectFilter what) {
        String phrase = what.phrase(n > 1);
        if (n > 1) {
            return Lexicon.numberWord(n) + " " + phrase;
        }
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }
}
