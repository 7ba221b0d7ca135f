package org.auditdm.failures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.scene.Scene;

/**
 * TEST DOUBLE: a "model" that answers from the scene graph behind each image (told by the probe builder),
 * optionally bent by a planted weakness. Never a zoo model: it exists so that tests know exactly which
 * weaknesses a target has.
 */
final class SceneOracleDouble implements VisionLanguageModel {
    /** Which scene each image shows, shared by all doubles of a test. */
    static final class Scenes {
        private final Map<String, Scene> bySha = new ConcurrentHashMap<>();

        void rendered(Picture p, Scene s) {
            bySha.put(p.sha256(), s);
        }
    }

    /** A weakness: given the question and the true answer, the answer the double gives instead. */
    interface Weakness {
        String bend(String question, String truth);
    }

    private final String id;
    private final Scenes scenes;
    private final Weakness weakness;
    private final Oracle oracle = new Oracle();

    SceneOracleDouble(String id, Scenes scenes, Weakness weakness) {
        this.id = id;
        this.scenes = scenes;
        this.weakness = weakness;
    }

    static SceneOracleDouble faithful(String id, Scenes scenes) {
        return new SceneOracleDouble(id, scenes, (q, truth) -> truth);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Answer answer(VisualQuestion q) {
        Scene scene = scenes.bySha.get(q.image().sha256());
        if (scene == null) {
            return new Answer("unknown image", Double.NaN);
        }
        OracleAnswer a;
        try {
            a = oracle.answer(scene, QuestionParser.parse(q.question()).program());
        } catch (IllegalArgumentException e) {
            return new Answer("cannot parse", Double.NaN);
        }
        String truth = a.isAnswer() ? a.answer() : "no such object";
        return new Answer(weakness.bend(q.question(), truth), Double.NaN);
    }

    static UnaryOperator<String> identity() {
        return s -> s;
    }
}
