package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void tokenizesLowerCaseWordsAndKeepsClockTimes() {
        assertThat(QuestionVocabulary.tokenize("Is the clock at 3:45, or 12:05?"))
                .containsExactly("is", "the", "clock", "at", "3:45", "or", "12:05");
        assertThat(QuestionVocabulary.tokenize("How many red-circles?")).containsExactly("how", "many", "red", "circles");
    }

    @Test
    void buildsFrequencyOrderedVocabularyAndEncodesWithPaddingAndUnknowns() {
        QuestionVocabulary v = QuestionVocabulary.build(List.of("is the circle red", "is the square red", "the"), 1, 100);
        assertThat(v.words()).startsWith("<pad>", "<unk>", "the", "is", "red");
        int[] ids = new int[6];
        int n = v.encode("Is the TRIANGLE red?", 6, ids, 0);
        assertThat(n).isEqualTo(4);
        assertThat(ids).containsExactly(v.id("is"), v.id("the"), QuestionVocabulary.UNK_ID, v.id("red"), 0, 0);
        int[] shortIds = new int[2];
        assertThat(v.encode("is the circle red", 2, shortIds, 0)).isEqualTo(2);
        assertThat(new QuestionVocabulary(v.words())).isEqualTo(v);
    }

    @Test
    void rejectsBadVocabularies() {
        assertThatThrownBy(() -> new QuestionVocabulary(List.of("a", "b"))).hasMessageContaining("<pad>");
        assertThatThrownBy(() -> new AnswerVocabulary(List.of("yes", "yes"))).hasMessageContaining("duplicate");
        AnswerVocabulary a = new AnswerVocabulary(List.of("yes", "no"));
        assertThatThrownBy(() -> a.id("maybe")).hasMessageContaining("not in the closed answer vocabulary");
    }
}
