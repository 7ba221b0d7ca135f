package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.auditdm.audit.run.Presuppositions;
import java.util.Set;
import java.util.TreeMap;
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
    private final Map<String, LabelStats> byFamily = new TreeMap<>();

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

    /** The totals per question family ({@link QuestionFamilies}), in family-name order. */
    public Map<String, LabelStats> statsByFamily() {
        return Collections.unmodifiableMap(new TreeMap<>(byFamily));
    }

    private void count(String family, LabelStats delta) {
        stats = stats.plus(delta);
        byFamily.merge(family, delta, LabelStats::plus);
    }

    /** Asks the ensemble (one batched call per member) and labels the pairs it agrees on. */
    public List<RectificationExample> label(List<Candidate> candidates, String idPrefix) {
        List<VisualQuestion> questions = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            questions.add(new VisualQuestion(c.image(), c.question()));
        }
        List<Consensus> consensus = ensemble.ask(questions);
        List<String> targetAnswers = targetAnswers(candidates, questions);
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            screen(new Pending(c.image(), c.question(), c.provenance(), targetAnswers.get(i), consensus.get(i),
                    c.oracleAnswer()), pending);
        }
        return finish(pending, idPrefix);
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
        List<Pending> pending = new ArrayList<>();
        for (Evaluated e : evaluated) {
            if (e.status() != Evaluated.Status.VALID) {
                if (e.status() == Evaluated.Status.ERROR) {
                    count(QuestionFamilies.of(e.probe().question()), new LabelStats(1, 1, 0, 0, 0, 0, 0, 0, 0));
                }
                continue;
            }
            // Measurement only: the oracle's answer is carried along, never compared or copied into the label.
            String oracle = e.oracle() != null && e.oracle().isAnswer() ? e.oracle().answer() : null;
            screen(new Pending(images.get(e.probe().imageSha()), e.probe().question(), provenance.apply(e),
                    e.targetAnswer(), e.consensus(), oracle), pending);
        }
        return finish(pending, idPrefix);
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

    /** A pair on its way to becoming an example; its question family is parsed once, here. */
    private record Pending(Picture image, String question, String family, Provenance provenance, String targetAnswer,
                           Consensus c, String oracleAnswer, String label) {
        Pending(Picture image, String question, Provenance provenance, String targetAnswer, Consensus c,
                String oracleAnswer) {
            this(image, question, QuestionFamilies.of(question), provenance, targetAnswer, c, oracleAnswer, null);
        }

        Pending withLabel(String l) {
            return new Pending(image, question, family, provenance, targetAnswer, c, oracleAnswer, l);
        }
    }

    /** First checks, per pair: agreement, vocabulary, the target filter. */
    private void screen(Pending p, List<Pending> pass) {
        Consensus c = p.c();
        String label = c == null || !c.agreed() ? null : inVocabulary(c.answer());
        if (c == null || !c.agreed()) {
            count(p.family(), new LabelStats(1, 1, 0, 0, 0, 0, 0, 0, 0));
        } else if (label == null) {
            count(p.family(), new LabelStats(1, 0, 1, 0, 0, 0, 0, 0, 0));
        } else if (filter.onlyTargetDisagreements() && p.targetAnswer() != null
                && ensemble.judge().same(p.targetAnswer(), c.answer())) {
            count(p.family(), new LabelStats(1, 0, 0, 1, 0, 0, 0, 0, 0));
        } else {
            count(p.family(), new LabelStats(1, 0, 0, 0, 0, 0, 0, 0, 0));
            pass.add(p.withLabel(label));
        }
    }

    /** Then, for the pairs left: member confidence (one batched call per member), duplicates, per-image limit. */
    private List<RectificationExample> finish(List<Pending> pending, String idPrefix) {
        Drop[] dropped = confident(pending);
        List<RectificationExample> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            String sha = p.image().sha256();
            if (dropped[i] == Drop.PRESUPPOSITION) {
                count(p.family(), new LabelStats(0, 0, 0, 0, 1, 0, 0, 0, 0));
            } else if (dropped[i] == Drop.CONFIDENCE) {
                count(p.family(), new LabelStats(0, 0, 0, 0, 0, 1, 0, 0, 0));
            } else if (!seenPairs.add(sha + "\n" + p.question())) {
                count(p.family(), new LabelStats(0, 0, 0, 0, 0, 0, 1, 0, 0));
            } else if (filter.maxPerImage() > 0 && perImage.getOrDefault(sha, 0) >= filter.maxPerImage()) {
                count(p.family(), new LabelStats(0, 0, 0, 0, 0, 0, 0, 1, 0));
            } else {
                perImage.merge(sha, 1, Integer::sum);
                String id = String.format(Locale.ROOT, "%s-%06d", idPrefix, stats.kept());
                out.add(new RectificationExample(id, p.image(), sha, p.question(), p.label(), p.provenance(),
                        p.targetAnswer(), p.c().memberAnswers(), p.oracleAnswer()));
                count(p.family(), new LabelStats(0, 0, 0, 0, 0, 0, 0, 0, 1));
            }
        }
        return out;
    }

    /** Why a pair is dropped before the duplicate and per-image checks (null: it is not). */
    private enum Drop { PRESUPPOSITION, CONFIDENCE }

    private Drop[] confident(List<Pending> pending) {
        Drop[] ok = new Drop[pending.size()];
        if (filter.checkPresuppositions()) {
            presupposed(pending, ok);
        }
        if (filter.minConfidence() <= 0 || pending.isEmpty()) {
            return ok;
        }
        List<VisualQuestion> qs = pending.stream().map(p -> new VisualQuestion(p.image(), p.question())).toList();
        for (VisionLanguageModel m : ensemble.members()) {
            List<Answer> answers = m.answerAll(qs);
            for (int i = 0; i < answers.size(); i++) {
                double prob = answers.get(i).probability();
                if (!Double.isNaN(prob) && prob < filter.minConfidence() && ok[i] == null) {
                    ok[i] = Drop.CONFIDENCE;
                }
            }
        }
        return ok;
    }

    /** Marks in {@code ok} the pairs whose presupposition the ensemble does not confirm (one batched call per member). */
    private void presupposed(List<Pending> pending, Drop[] ok) {
        List<Presuppositions.Asked> checks = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Presuppositions.addChecks(i, pending.get(i).image(), pending.get(i).question(), checks);
        }
        if (checks.isEmpty()) {
            return;
        }
        List<Consensus> answers = ensemble.ask(Presuppositions.questions(checks));
        for (int k = 0; k < checks.size(); k++) {
            if (!checks.get(k).confirmedBy(answers.get(k), ensemble.judge())) {
                ok[checks.get(k).owner()] = Drop.PRESUPPOSITION;
            }
        }
    }

    private String inVocabulary(String answer) {
        return spelling(vocabulary, answer);
    }

    /** The vocabulary's spelling of an answer, or null when the vocabulary has no such answer. */
    static String spelling(AnswerVocabulary vocabulary, String answer) {
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
