package org.auditdm.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.caption.CaptionWriter;
import org.auditdm.world.edit.EditParser;
import org.auditdm.world.probe.ProbeTextSampler;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.junit.jupiter.api.Test;

class TextVocabularyTest {
    static final TextVocabulary VOCAB = TextVocabulary.world(200, 7);

    @Test
    void specialsLeadAndSplitHandlesTimesQuotesAndCase() {
        assertThat(VOCAB.words().subList(0, 7)).containsExactly("<pad>", "<bos>", "<eos>", "<unk>", "<question>",
                "<edit>", "<caption>");
        assertThat(TextVocabulary.split("Set the clock to 3:05.")).containsExactly("set", "the", "clock", "to", "3",
                ":", "05", ".");
        assertThat(VOCAB.decode(VOCAB.encode("change the sign to \"EXIT 10\""))).isEqualTo(
                "change the sign to \"exit 10\"");
        assertThat(VOCAB.decode(VOCAB.encode("a red bar chart with A = 7, B = 0 and C = 5; on a gray background")))
                .isEqualTo("a red bar chart with a = 7, b = 0 and c = 5; on a gray background");
        assertThat(VOCAB.encode("zyzzyva")).containsExactly(TextVocabulary.UNK_ID);
        assertThatThrownBy(() -> new TextVocabulary(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyClockTimeAndSignWordIsCovered() {
        for (int h = 1; h <= 12; h++) {
            for (int m = 0; m < 60; m++) {
                String t = "set the clock to " + h + ":" + (m < 10 ? "0" : "") + m;
                assertThat(VOCAB.covers(t)).as(t).isTrue();
                assertThat(EditParser.parse(VOCAB.decode(VOCAB.encode(t)))).isEqualTo(EditParser.parse(t));
            }
        }
        for (String w : SceneSampler.SIGN_WORDS) {
            assertThat(VOCAB.covers("change the sign to " + w)).as(w).isTrue();
        }
    }

    /** decode(encode(text)) reads back as the same question, edit or scene, over thousands of texts. */
    @Test
    void roundTripKeepsMeaningInEveryMode() {
        ProbeTextSampler sampler = new ProbeTextSampler();
        SplittableRandom rng = new SplittableRandom(5);
        int texts = 0;
        for (WorldPrior prior : List.of(WorldPrior.TRAINING, WorldPrior.UNIFORM)) {
            SceneSampler scenes = new SceneSampler(prior);
            for (SceneKind kind : SceneKind.values()) {
                for (int i = 0; i < 120; i++) {
                    Scene s = scenes.sample(kind, rng);
                    for (ProbeMode mode : ProbeMode.values()) {
                        String text = sampler.sample(mode, s, rng);
                        String back = VOCAB.decode(VOCAB.encode(text));
                        texts++;
                        assertThat(VOCAB.covers(text)).as(text).isTrue();
                        switch (mode) {
                            case QUESTION -> assertThat(QuestionParser.parse(back).program()).as(back)
                                    .isEqualTo(QuestionParser.parse(text).program());
                            case EDIT -> assertThat(EditParser.parse(back)).as(back).isEqualTo(EditParser.parse(text));
                            case CAPTION -> assertThat(CaptionWriter.describe(CaptionParser.parse(back, 3))).as(back)
                                    .isEqualTo(CaptionWriter.describe(CaptionParser.parse(text, 3)));
                        }
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(2000);
    }
}
