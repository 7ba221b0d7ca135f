package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * A diagnostic, not a rectification recipe: the auditdm data with every consensus label replaced by the
 * world oracle's answer ({@code bench rectify --oracle-labels}). Fine-tuning on it shows what the same
 * images and questions teach with the true labels, so the study can tell label noise apart from what the
 * data covers and what the target can learn (measured on the main job's run: it does worse than the
 * consensus labels, README). It reads the oracle for labels, so it is never part of the annotation-free
 * data and its row is named for what it is.
 */
public final class OracleLabels {
    /** Suffix of the data set's name. */
    public static final String SUFFIX = "-oracle-labels";

    private OracleLabels() {
    }

    /**
     * The same examples (same ids, images, questions and provenance) labelled by the oracle; examples the
     * oracle cannot answer (unanswerable or ambiguous questions) and answers outside the target's vocabulary
     * are dropped, and the recipe counts them.
     */
    public static DataSet of(DataSet data, AnswerVocabulary vocabulary) {
        List<RectificationExample> out = new ArrayList<>();
        int unanswerable = 0;
        int outOfVocabulary = 0;
        int relabelled = 0;
        for (RectificationExample e : data.examples()) {
            if (e.oracleAnswer() == null) {
                unanswerable++;
                continue;
            }
            String label = ConsensusLabeler.spelling(vocabulary, e.oracleAnswer());
            if (label == null) {
                outOfVocabulary++;
                continue;
            }
            if (!label.equals(e.label())) {
                relabelled++;
            }
            out.add(new RectificationExample(e.id(), e.image(), e.imageSha(), e.question(), label, e.provenance(),
                    e.targetAnswer(), e.memberAnswers(), e.oracleAnswer()));
        }
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("of", data.name());
        recipe.put("labels", "the world oracle's answers: a diagnostic, not annotation-free");
        recipe.put("kept", out.size());
        recipe.put("droppedUnanswerable", unanswerable);
        recipe.put("droppedOutOfVocabulary", outOfVocabulary);
        recipe.put("labelsChanged", relabelled);
        return DataSet.compose(data.name() + SUFFIX, recipe, List.of(out), out.size());
    }
}
