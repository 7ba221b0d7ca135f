package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Picture;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.zoo.train.WorldSource;
import org.junit.jupiter.api.Test;

class ConsensusLabelerTest {
    private static Candidate candidate(Picture p, String question, String target, String oracle) {
        return new Candidate(p, question, Provenance.of(Source.BOOTSTRAP, "pool-1"), target, oracle);
    }

    @Test
    void labelsAreTheEnsemblesAgreedAnswerNeverTheOracles() {
        Doubles.Scripted m = Doubles.constant("m", "3");
        Doubles.Scripted l = Doubles.constant("l", "three"); // same meaning under the judge
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(m, l), null,
                WorldSource.answerVocabulary(), LabelFilter.AGREED.withCheckPresuppositions(false));
        Picture p = Doubles.picture(0);
        List<RectificationExample> out = labeler.label(List.of(
                candidate(p, "how many circles are there?", "2", "5"),
                candidate(p, "how many squares are there?", "2", "3"),
                candidate(p, "how many stars are there?", "2", null)), "t");
        assertThat(out).extracting(RectificationExample::label).containsExactly("3", "3", "3");
        assertThat(out).extracting(RectificationExample::oracleAnswer).containsExactly("5", "3", null);
        assertThat(out).extracting(RectificationExample::memberAnswers).containsOnly(List.of("3", "three"));
        Accuracy err = PseudoLabelError.of(out, new NormalizingJudge());
        assertThat(err.correct()).isEqualTo(1);
        assertThat(err.total()).isEqualTo(2);
    }

    @Test
    void poisonedOracleAnswersDoNotChangeAnyLabel() {
        Doubles.Scripted m = new Doubles.Scripted("m", q -> q.contains("colour") ? "red" : "yes");
        Doubles.Scripted l = new Doubles.Scripted("l", q -> q.contains("colour") ? "red" : "yes");
        List<Candidate> clean = new ArrayList<>();
        List<Candidate> poisoned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Picture p = Doubles.picture(i);
            String q = i % 2 == 0 ? "what colour is the circle?" : "is there a star?";
            clean.add(candidate(p, q, "blue", null));
            poisoned.add(candidate(p, q, "blue", "oracle-poison-" + i));
        }
        List<RectificationExample> a = new ConsensusLabeler(Doubles.ensemble(m, l), null,
                WorldSource.answerVocabulary(), LabelFilter.AGREED.withCheckPresuppositions(false)).label(clean, "a");
        List<RectificationExample> b = new ConsensusLabeler(Doubles.ensemble(m, l), null,
                WorldSource.answerVocabulary(), LabelFilter.AGREED.withCheckPresuppositions(false)).label(poisoned, "a");
        assertThat(b).extracting(RectificationExample::label)
                .isEqualTo(a.stream().map(RectificationExample::label).toList())
                .containsOnly("red", "yes")
                .noneMatch(s -> s.startsWith("oracle"));
    }

    @Test
    void disagreementsAndAnswersOutsideTheVocabularyGetNoLabel() {
        Doubles.Scripted m = new Doubles.Scripted("m", q -> q.startsWith("is") ? "yes" : "purple-ish");
        Doubles.Scripted l = new Doubles.Scripted("l", q -> q.startsWith("is") ? "no" : "purple-ish");
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(m, l), null,
                WorldSource.answerVocabulary(), LabelFilter.AGREED.withCheckPresuppositions(false));
        Picture p = Doubles.picture(1);
        assertThat(labeler.label(List.of(candidate(p, "is there a star?", "no", "no"),
                candidate(p, "what colour is the sign?", "red", "red")), "x")).isEmpty();
        assertThat(labeler.stats().disagreed()).isEqualTo(1);
        assertThat(labeler.stats().outOfVocabulary()).isEqualTo(1);
        assertThat(labeler.stats().agreementRate()).isEqualTo(0.5);
    }

    @Test
    void disagreementFilterKeepsOnlyPairsTheTargetGetsWrongAndAsksTheTargetWhenNeeded() {
        Doubles.Scripted m = Doubles.constant("m", "yes");
        Doubles.Scripted l = Doubles.constant("l", "yes");
        Doubles.Scripted target = new Doubles.Scripted("s", q -> q.contains("star") ? "no" : "yes");
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(m, l), target,
                WorldSource.answerVocabulary(), LabelFilter.DISAGREEMENTS.withCheckPresuppositions(false));
        Picture p = Doubles.picture(2);
        List<RectificationExample> out = labeler.label(List.of(candidate(p, "is there a star?", null, null),
                candidate(p, "is there a circle?", null, null)), "d");
        assertThat(out).extracting(RectificationExample::question).containsExactly("is there a star?");
        assertThat(out.get(0).targetAnswer()).isEqualTo("no");
        assertThat(target.calls.get()).isEqualTo(2);
        assertThat(labeler.stats().targetAlreadyAgrees()).isEqualTo(1);
    }

    @Test
    void duplicatesAndThePerImageLimitAreAppliedAcrossCalls() {
        Doubles.Scripted m = Doubles.constant("m", "no");
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(m), null, WorldSource.answerVocabulary(),
                new LabelFilter(false, 2, 0, false));
        Picture p = Doubles.picture(3);
        Picture q = Doubles.picture(4);
        labeler.label(List.of(candidate(p, "is there a star?", null, null)), "x");
        List<RectificationExample> out = labeler.label(List.of(candidate(p, "is there a star?", null, null),
                candidate(p, "is there a circle?", null, null), candidate(p, "is there a square?", null, null),
                candidate(q, "is there a star?", null, null)), "x");
        assertThat(out).extracting(RectificationExample::question)
                .containsExactly("is there a circle?", "is there a star?");
        assertThat(labeler.stats().duplicates()).isEqualTo(1);
        assertThat(labeler.stats().overImageLimit()).isEqualTo(1);
        assertThat(labeler.stats().kept()).isEqualTo(3);
    }

    @Test
    void theConfidenceFilterDropsPairsAMemberIsUnsureOfAndIgnoresMembersThatCannotSay() {
        org.auditdm.api.VisionLanguageModel unsure = new org.auditdm.api.VisionLanguageModel() {
            @Override
            public String id() {
                return "m";
            }

            @Override
            public org.auditdm.api.Answer answer(org.auditdm.api.VisualQuestion q) {
                return new org.auditdm.api.Answer("yes", q.question().contains("star") ? 0.9 : 0.3);
            }
        };
        Doubles.Scripted cannotSay = Doubles.constant("l", "yes");
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(unsure, cannotSay), null,
                WorldSource.answerVocabulary(), new LabelFilter(false, 0, 0.5, false));
        Picture p = Doubles.picture(5);
        List<RectificationExample> out = labeler.label(List.of(candidate(p, "is there a star?", null, null),
                candidate(p, "is there a circle?", null, null)), "c");
        assertThat(out).extracting(RectificationExample::question).containsExactly("is there a star?");
        assertThat(labeler.stats().lowConfidence()).isEqualTo(1);
        assertThat(labeler.stats().kept()).isEqualTo(1);
    }

    @Test
    void aQuestionAboutTheXIsLabelledOnlyWhenTheEnsembleAgreesThereIsOneX() {
        // Both members answer "circle" to the shape question; to "how many medium objects" 1 on one picture, 3 on the other.
        Picture one = Doubles.picture(0);
        Picture three = Doubles.picture(1);
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(
                countingDouble("m", one), countingDouble("l", one)), null, WorldSource.answerVocabulary(),
                LabelFilter.AGREED);
        List<RectificationExample> out = labeler.label(List.of(
                candidate(one, "what shape is the medium object?", "square", null),
                candidate(three, "what shape is the medium object?", "square", null)), "p");
        assertThat(out).extracting(RectificationExample::imageSha).containsExactly(one.sha256());
        assertThat(out.get(0).label()).isEqualTo("circle");
    }

    /** TEST DOUBLE: "circle" to every shape question, "yes" to existence; one medium object on {@code one}, three elsewhere. */
    private static org.auditdm.api.VisionLanguageModel countingDouble(String id, Picture one) {
        return new org.auditdm.api.VisionLanguageModel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public org.auditdm.api.Answer answer(org.auditdm.api.VisualQuestion q) {
                String text = q.question().toLowerCase(java.util.Locale.ROOT);
                if (text.startsWith("is there")) {
                    return org.auditdm.api.Answer.of("yes");
                }
                boolean count = text.startsWith("how many");
                return org.auditdm.api.Answer.of(!count ? "circle" : q.image().sha256().equals(one.sha256()) ? "1" : "3");
            }
        };
    }

    @Test
    void statisticsSayWhyPairsWereDroppedPerQuestionFamily() {
        // Both members say there are two blue objects, so "the blue object" has no single referent.
        Doubles.Scripted a = new Doubles.Scripted("a", q -> q.startsWith("how many") ? "2" : q.startsWith("is there")
                ? "yes" : "circle");
        Doubles.Scripted b = new Doubles.Scripted("b", q -> q.startsWith("how many") ? "2" : q.startsWith("is there")
                ? "yes" : "circle");
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(a, b), null, WorldSource.answerVocabulary(),
                LabelFilter.AGREED);
        Picture p = Doubles.picture(6);
        List<RectificationExample> out = labeler.label(List.of(candidate(p, "what shape is the blue object?", null, null),
                candidate(p, "how many circles are there?", null, null)), "s");
        assertThat(out).extracting(RectificationExample::question).containsExactly("how many circles are there?");
        assertThat(labeler.stats().unconfirmedPresupposition()).isEqualTo(1);
        assertThat(labeler.stats().lowConfidence()).isZero();
        assertThat(labeler.statsByFamily()).containsOnlyKeys("shape", "count");
        assertThat(labeler.statsByFamily().get("shape").unconfirmedPresupposition()).isEqualTo(1);
        assertThat(labeler.statsByFamily().get("count").kept()).isEqualTo(1);
        assertThat(out.get(0).family()).isEqualTo("count");
    }
}
