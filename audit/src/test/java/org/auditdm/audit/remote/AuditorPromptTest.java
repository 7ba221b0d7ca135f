package org.auditdm.audit.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;

class AuditorPromptTest {
    private static final Picture IMG = new Renderer().render(new SeedPool(2).get(0).scene(), 64);

    @Test
    void promptsRoundTripAndNameTheirLanguage() {
        for (AuditorPrompt.Language l : AuditorPrompt.Language.values()) {
            for (ProbeMode m : ProbeMode.values()) {
                AuditorPrompt p = new AuditorPrompt(l, m, "what colour is\nthe star?", 2, 3, -77);
                assertThat(AuditorPrompt.parse(p.text())).isEqualTo(p);
                assertThat(p.seedQuestion()).isEqualTo("what colour is the star?");
            }
        }
        assertThat(new AuditorPrompt(AuditorPrompt.Language.PHOTO, ProbeMode.EDIT, "q", 1, 1, 0).text())
                .contains("rotate by N degrees", "occlude");
        assertThatThrownBy(() -> AuditorPrompt.parse("what colour is the star?"))
                .hasMessageContaining("not an auditor prompt");
        assertThatThrownBy(() -> new AuditorPrompt(AuditorPrompt.Language.WORLD, ProbeMode.EDIT, "q", 3, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repliesAreCleanedToOneText() {
        assertThat(AuditorPrompt.clean("Question: \"how many red circles are there?\"\nbecause...")).isEqualTo(
                "how many red circles are there?");
        assertThat(AuditorPrompt.clean("\n1. make the star green")).isEqualTo("make the star green");
        assertThat(AuditorPrompt.clean("- Edit command: rotate by 30 degrees")).isEqualTo("rotate by 30 degrees");
        assertThat(AuditorPrompt.clean(null)).isEmpty();
    }

    @Test
    void aChatAuditorAsksOncePerTextAndSkipsFailedProposals() {
        VisionLanguageModel chat = new VisionLanguageModel() {
            @Override
            public String id() {
                return "chat";
            }

            @Override
            public Answer answer(VisualQuestion q) {
                AuditorPrompt p = AuditorPrompt.parse(q.question());
                if (p.proposal() == 2) {
                    throw new IllegalStateException("HTTP 500");
                }
                return Answer.of("\"is there a " + (p.proposal() == 1 ? "star" : "circle") + "?\"");
            }
        };
        List<ProbeText> t = new ChatAuditor("auditor:http:chat", chat, AuditorPrompt.Language.WORLD)
                .propose(IMG, "what colour is the star?", ProbeMode.QUESTION, 3, 5);
        assertThat(t).extracting(ProbeText::text).containsExactly("is there a star?", "is there a circle?");
        assertThat(t).allMatch(x -> x.mode() == ProbeMode.QUESTION && Double.isNaN(x.logProbability()));
    }
}
