package org.auditdm.world.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.scene.Scene;
import org.junit.jupiter.api.Test;

class RelationCheckTest {
    /** Test double that sees the scene graph behind each image and answers as the oracle does. */
    private static VisionLanguageModel sceneReader(int n) {
        Map<String, Scene> scenes = new HashMap<>();
        Renderer renderer = new Renderer();
        RelationCheck.items(n).forEach(i -> scenes.put(renderer.render(i.scene()).sha256(), i.scene()));
        Oracle oracle = new Oracle();
        return new VisionLanguageModel() {
            @Override
            public String id() {
                return "scene-reader";
            }

            @Override
            public Answer answer(VisualQuestion q) {
                Scene s = scenes.get(q.image().sha256());
                return Answer.of(oracle.answer(s, QuestionParser.parse(q.question()).program()).answer());
            }
        };
    }

    /** Deliberately broken test double: says yes to everything, whatever the order of the words. */
    private static final VisionLanguageModel YES = new VisionLanguageModel() {
        @Override
        public String id() {
            return "yes";
        }

        @Override
        public Answer answer(VisualQuestion q) {
            return Answer.of("yes");
        }
    };

    @Test
    void aModelThatReadsTheSceneIsRightAndChangesItsAnswerWhenTheObjectsSwap() {
        RelationCheck r = RelationCheck.run(sceneReader(40), 40, k -> { });
        assertThat(r.items()).isGreaterThan(20);
        assertThat(r.correct()).isEqualTo(r.items());
        assertThat(r.swapped()).isPositive();
        assertThat(r.swappedSame()).isZero();
        assertThat(r.swappedCorrect()).isEqualTo(r.swapped());
        assertThat(r.bothPlaced()).isGreaterThan(r.items() / 2);
        assertThat(r.bothPlacedCorrect()).isEqualTo(r.bothPlaced());
    }

    @Test
    void aModelBlindToWordOrderGivesTheSameAnswerToBothOrders() {
        RelationCheck r = RelationCheck.run(YES, 40, k -> { });
        assertThat(r.swappedSame()).isEqualTo(r.swapped());
        assertThat(r.correct()).isLessThan(r.items());
        assertThat(r.lines()).hasSize(3).first().asString().startsWith("spatial questions, two-object scenes: right ");
    }
}
