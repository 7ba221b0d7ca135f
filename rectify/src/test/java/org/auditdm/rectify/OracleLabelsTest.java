package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Picture;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.junit.jupiter.api.Test;

class OracleLabelsTest {
    private static RectificationExample example(int i, String label, String oracle) {
        Picture p = Doubles.picture(i);
        return new RectificationExample("auditdm-00000" + i, p, p.sha256(), "what colour is the star?", label,
                Provenance.of(Source.BOOTSTRAP, "pool-" + i), "blue", List.of(label, label), oracle);
    }

    @Test
    void replacesConsensusLabelsByTheOraclesAndDropsWhatItCannotLabel() {
        List<RectificationExample> xs = new ArrayList<>();
        xs.add(example(0, "red", "red"));        // consensus right: kept as is
        xs.add(example(1, "red", "Green"));      // consensus wrong: relabelled, in the vocabulary's spelling
        xs.add(example(2, "red", null));         // unanswerable for the oracle: dropped
        xs.add(example(3, "red", "chartreuse")); // outside the target's vocabulary: dropped
        DataSet d = new DataSet("auditdm", Map.of("size", 4), xs);

        DataSet o = OracleLabels.of(d, new AnswerVocabulary(List.of("red", "green", "blue")));

        assertThat(o.name()).isEqualTo("auditdm-oracle-labels");
        assertThat(o.examples()).extracting(RectificationExample::label).containsExactly("red", "green");
        assertThat(o.examples()).extracting(RectificationExample::imageSha)
                .containsExactly(xs.get(0).imageSha(), xs.get(1).imageSha());
        assertThat(o.examples()).allMatch(e -> e.provenance().source() == Source.BOOTSTRAP);
        assertThat(o.recipe()).containsEntry("kept", 2).containsEntry("droppedUnanswerable", 1)
                .containsEntry("droppedOutOfVocabulary", 1).containsEntry("labelsChanged", 1);
        assertThat(PseudoLabelError.of(o.examples(), new org.auditdm.api.NormalizingJudge()).correct()).isZero();
    }
}
