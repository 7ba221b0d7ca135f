package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.auditdm.api.Answer;
import org.auditdm.api.Consensus;
import org.auditdm.api.ImageStore;
import org.auditdm.api.Picture;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * Labels (image, question) pairs with the reference ensemble's consensus: a pair becomes an example
 * only when the members agree, and its label is their agreed answer, spelled as in the target's
 * closed answer vocabulary. The world oracle is never consulted: a candidate's oracle answer is
 * copied, untouched, into the example's measurement field.
 *
 * <p>One labeler per data set: it remembers which (image, question) pairs it labelled and how many
 * examples each image has, to drop duplicates and apply {@link LabelFilter#maxPerImage()} across calls.
 * Not thread-safe.
 */
public final class ConsensusLabeler {
    private final ReferenceEnsemble ensemble;
    private final VisionLanguageModel target;
    private final AnswerVocabulary vocabulary;
    private final LabelFilter filter;
    private final Set<String> seenPairs = new HashSet<>();
    private final Map<String, Integer> perImage = new HashMap<>();
    private LabelStats stats = LabelStats.NONE;

    /**
     * @param target asked when the filter needs the target's answer and a candidate has none; may be
     *     null when every candidate carries it or the filter does not need it
     * @param vocabulary the target's closed answer vocabulary; agreed answers outside it are dropped
     */
    public ConsensusLabeler(ReferenceEnsemble ensemble, VisionLanguageModel target, AnswerVocabulary vocabulary,
                            LabelFilter filter) {
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
        this.target = target;
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    public LabelFilter filter() {
        return filter;
    }

    /** Totals over every call so far. */
    public LabelStats stats() {
        return stats;
    }

    /** Asks the ensemble (one batched call per member) and labels the pairs it agrees on. */
    public List<RectificationExample> label(List<Candidate> candidates, String idPrefix) {
        List<VisualQuestion> questions = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            questions.add(new VisualQuestion(c.image(), c.question()));
        }
        List<Consensus> consensus = ensemble.ask(questions);
        List<String> targetAnswers = targetAnswers(candidates, questions);
        List<RectificationExample> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            accept(c.image(), c.question(), c.provenance(), targetAnswers.get(i), consensus.get(i), c.oracleAnswer(),
                    idPrefix, out);
        }
        return out;
    }

    /**
     * Labels probes that were already judged (their consensus comes from the ensemble that judged
     * them); probes that are not VALID are skipped as disagreements.
     *
     * @param images where the probes' pictures are
     * @param provenance where each probe came from
     */
    public List<RectificationExample> label(List<Evaluated> evaluated, ImageStore images,
                                            Function<Evaluated, Provenance> provenance, String idPrefix) {
        List<RectificationExample> out = new ArrayList<>();
        for (Evaluated e : evaluated) {
            if (e.status() != Evaluated.Status.VALID) {
                if (e.status() == Evaluated.Status.ERROR) {
                    stats = stats.plus(new LabelStats(1, 1, 0, 0, 0, 0, 0));
                }
                continue;
            }
            // Measurement only: the oracle's answer is carried along, never compared or copied into the label.
            String oracle = e.oracle() != null && e.oracle().isAnswer() ? e.oracle().answer() : null;
            accept(images.get(e.probe().imageSha()), e.probe().question(), provenance.apply(e), e.targetAnswer(),
                    e.consensus(), oracle, idPrefix, out);
        }
        return out;
    }

    private List<String> targetAnswers(List<Candidate> candidates, List<VisualQuestion> questions) {
        List<String> out = new ArrayList<>(candidates.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            out.add(candidates.get(i).targetAnswer());
            if (candidates.get(i).targetAnswer() == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty() && target != null) {
            List<VisualQuestion> ask = missing.stream().map(questions::get).toList();
            List<Answer> answers = target.answerAll(ask);
            for (int k = 0; k < missing.size(); k++) {
                out.set(missing.get(k), answers.get(k).text());
            }
        } else if (!missing.isEmpty() && filter.onlyTargetDisagreements()) {
            throw new IllegalStateException("the filter keeps only target disagreements, but no target model was "
                    + "given and " + missing.size() + " candidate(s) lack the target's answer");
        }
        return out;
    }

    private void accept(Picture image, String question, Provenance provenance, String targetAnswer, Consensus c,
                        String oracleAnswer, String idPrefix, List<RectificationExample> out) {
        int disagreed = 0;
        int oov = 0;
        int already = 0;
        int dup = 0;
        int over = 0;
        int kept = 0;
        String label = c == null || !c.agreed() ? null : inVocabulary(c.answer());
        if (c == null || !c.agreed()) {
            disagreed = 1;
        } else if (label == null) {
            oov = 1;
        } else if (filter.onlyTargetDisagreements() && targetAnswer != null
                && ensemble.judge().same(targetAnswer, c.answer())) {
            already = 1;
        } else if (!seenPairs.add(image.sha256() + "\n" + question)) {
            dup = 1;
        } else if (filter.maxPerImage() > 0 && perImage.getOrDefault(image.sha256(), 0) >= filter.maxPerImage()) {
            over = 1;
        } else {
            perImage.merge(image.sha256(), 1, Integer::sum);
            String id = String.format(Locale.ROOT, "%s-%06d", idPrefix, stats.kept());
            out.add(new RectificationExample(id, image, image.sha256(), question, label, provenance, targetAnswer,
                    c.memberAnswers(), oracleAnswer));
            kept = 1;
        }
        stats = stats.plus(new LabelStats(1, disagreed, oov, already, dup, over, kept));
    }

    /** The vocabulary's spelling of an answer, or null when the vocabulary has no such answer. */
    private String inVocabulary(String answer) {
        if (answer == null) {
            return null;
        }
        if (vocabulary.contains(answer)) {
            return answer;
        }
        String lower = answer.trim().toLowerCase(Locale.ROOT);
        return vocabulary.contains(lower) ? lower : null;
    }
}
