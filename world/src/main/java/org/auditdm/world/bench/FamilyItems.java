package org.auditdm.world.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;

/**
 * Diagnostic items, one group per question family, drawn from a prior: by default exactly as the
 * zoo's training distribution draws them (training prior, training paraphrases). Scored like suites
 * (the group id is the family in lower case), they tell whether a model fails a family even on the
 * distribution it was trained on, and, with a cap on the number of objects, even on scenes of a
 * single object, where no binding is needed.
 *
 * @param prior where scenes come from
 * @param heldOutTemplates whether held-out paraphrases may be used (false: training paraphrases only)
 * @param maxObjects object scenes with more objects are skipped (charts, clocks and signs have none)
 */
public record FamilyItems(WorldPrior prior, boolean heldOutTemplates, int maxObjects) {
    /** Scenes drawn per item before a family is given up as unanswerable under the object cap. */
    static final int ATTEMPTS_PER_ITEM = 400;

    public FamilyItems {
        if (maxObjects < 0) {
            throw new IllegalArgumentException("maxObjects must be >= 0, got " + maxObjects);
        }
    }

    /** The zoo's training distribution, with at most {@code maxObjects} objects per scene. */
    public static FamilyItems training(int maxObjects) {
        return new FamilyItems(WorldPrior.TRAINING, false, maxObjects);
    }

    /**
     * Up to {@code perFamily} items of each family; item {@code i} of a family depends only on
     * {@code seed}, the family and {@code i}. A family that cannot be asked under the object cap (say,
     * spatial relations with one object) yields no items.
     */
    public List<BenchItem> generate(int perFamily, long seed) {
        if (perFamily < 1 || perFamily > 100_000) {
            throw new IllegalArgumentException("items per family must be 1-100000, got " + perFamily);
        }
        SceneSampler scenes = new SceneSampler(prior);
        QuestionSampler questions = new QuestionSampler();
        List<BenchItem> out = new ArrayList<>();
        for (Family family : Family.values()) {
            String group = family.name().toLowerCase(Locale.ROOT);
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + family.ordinal());
            int made = 0;
            for (int attempt = 0; made < perFamily && attempt < ATTEMPTS_PER_ITEM * perFamily; attempt++) {
                Scene scene = scenes.sample(rng);
                if (scene.objects().size() > maxObjects) {
                    continue;
                }
                Optional<Program> p = questions.sample(family, scene, rng);
                if (p.isPresent()) {
                    QA qa = questions.qa(scene, p.get(), QuestionSampler.pickTemplate(family, rng, heldOutTemplates));
                    String id = String.format(Locale.ROOT, "%s-%04d", group, made++);
                    out.add(new BenchItem(id, group, family, qa.text(), qa.answer(), qa.templateId(),
                            "images/" + group + "/" + id + ".png", scene));
                }
            }
        }
        return out;
    }
}
