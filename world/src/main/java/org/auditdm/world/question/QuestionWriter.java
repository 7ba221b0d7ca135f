package org.auditdm.world.question;

import java.util.Map;
import org.auditdm.world.scene.ObjectFilter;

/** Writes a program as English through one of its family's templates. */
public final class QuestionWriter {
    private static final Map<Relation, java.util.List<String>> RELATIONS = Slot.relationWords();

    private QuestionWriter() {
    }

    /**
     * The question text, starting with a capital letter and ending in its template's punctuation.
     *
     * @throws IllegalArgumentException when the template belongs to another family
     */
    public static String write(Program program, Template template) {
        if (template.family() != program.family()) {
            throw new IllegalArgumentException("template " + template.id() + " is for " + template.family()
                    + " questions, not " + program.family());
        }
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            String text;
            boolean punct = false;
            if (part instanceof Template.Word w) {
                text = w.text();
                punct = w.punct();
            } else {
                text = fill(((Template.Hole) part).slot(), program);
            }
            if (out.length() > 0 && !punct) {
                out.append(' ');
            }
            out.append(text);
        }
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.toString();
    }

    /** Writes through the template with this id. */
    public static String write(Program program, String templateId) {
        return write(program, Templates.require(templateId));
    }

    private static String fill(Slot slot, Program p) {
        return switch (slot) {
            case SUBJECT_THE -> "the " + p.subject().phrase(false);
            case SUBJECT_A -> withArticle(p.subject());
            case SUBJECT_PLURAL -> p.subject().phrase(true);
            case SUBJECT_BARE -> p.subject().phrase(false);
            case OTHER_THE -> "the " + p.other().phrase(false);
            case OTHER_A -> withArticle(p.other());
            case OTHER_PLURAL -> p.other().phrase(true);
            case TARGET -> p.subject() == null ? "the sign" : "the " + p.subject().phrase(false);
            case COLOR -> p.color().word();
            case RELATION -> RELATIONS.get(p.relation()).get(0);
            case BAR -> p.bar();
            case OTHER_BAR -> p.otherBar();
            default -> {
                var words = slot.comparisonWords().get(p.comparison());
                if (words == null) {
                    throw new IllegalArgumentException("slot {" + slot.key() + "} cannot say " + p.comparison());
                }
                yield words.get(0);
            }
        };
    }

    /** "a red circle", "an orange star", "an object". */
    static String withArticle(ObjectFilter f) {
        String phrase = f.phrase(false);
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }
}
