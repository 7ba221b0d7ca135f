package org.auditdm.world.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;

/** Text -> program -> text is exact for every family and template, on programs sampled from real scenes. */
class RoundTripProperties {
    private static final SceneSampler SCENES = new SceneSampler(WorldPrior.UNIFORM);
    private static final QuestionSampler QUESTIONS = new QuestionSampler();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 60)
    void everyTemplateRoundTrips(@ForAll long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        for (SceneKind kind : SceneKind.values()) {
            Scene scene = SCENES.sample(kind, rng);
            for (Family f : Family.values()) {
                Optional<Program> p = QUESTIONS.sample(f, scene, rng);
                if (p.isEmpty()) {
                    continue;
                }
                Program program = p.get();
                for (Template t : Templates.of(f)) {
                    String text = QuestionWriter.write(program, t);
                    ParsedQuestion parsed = QuestionParser.parse(text);
                    assertThat(parsed.program()).as(text).isEqualTo(program);
                    assertThat(parsed.templateId()).as(text).isEqualTo(t.id());
                    assertThat(QuestionWriter.write(parsed.program(), parsed.templateId())).isEqualTo(text);
                }
                Program back = JSON.readValue(JSON.writeValueAsString(program), Program.class);
                assertThat(back).isEqualTo(program);
            }
        }
    }

    @Property(tries = 60)
    void caseColourSpellingAndPunctuationVariantsParseTheSame(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Scene scene = SCENES.sample(rng);
        QuestionSampler.uniformWeights();
        Optional<QA> qa = QUESTIONS.sampleQa(scene, rng, QuestionSampler.uniformWeights(), true);
        if (qa.isEmpty()) {
            return;
        }
        String text = qa.get().text();
        String stripped = text.replaceAll("[?.]$", "");
        for (String variant : new String[] {
            text.toLowerCase(Locale.ROOT),
            text.toUpperCase(Locale.ROOT),
            stripped,
            stripped + " ?!",
            "  " + text.replace("colour", "color").replace(" ", "   ") + " ",
            text.replace("gray", "grey"),
            text.replace(",", "")}) {
            assertThat(QuestionParser.parse(variant).program()).as(variant).isEqualTo(qa.get().program());
        }
    }
}
