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
import org.auditdm.world.scene.Scene;

/**
 * Generates the items of a suite from its fixed seed. Item {@code i} depends only on the suite and
 * {@code i}, so a suite of 300 items is a prefix of one of 500.
 */
public final class SuiteGenerator {
    /** Items per suite unless asked otherwise. */
    public static final int DEFAULT_SIZE = 300;

    private final QuestionSampler questions = new QuestionSampler();

    public List<BenchItem> generate(Suite suite, int size) {
        if (size < 1 || size > 100_000) {
            throw new IllegalArgumentException("suite size must be 1-100000, got " + size);
        }
        List<BenchItem> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(item(suite, i));
        }
        return items;
    }

    /** The {@code i}-th item of a suite. */
    public BenchItem item(Suite suite, int i) {
        SplittableRandom rng = new SplittableRandom(suite.seed() * 1_000_003L + i);
        // Families take turns so that every suite is balanced across its families.
        Family family = suite.families().get(i % suite.families().size());
        for (int attempt = 0; attempt < 200; attempt++) {
            Scene scene = suite.scene(rng);
            Optional<Program> p = questions.sample(family, scene, rng);
            if (p.isPresent()) {
                QA qa = questions.qa(scene, p.get(), QuestionSampler.pickTemplate(family, rng, true));
                String id = String.format(Locale.ROOT, "%s-%04d", suite.id(), i);
                return new BenchItem(id, suite.id(), family, qa.text(), qa.answer(), qa.templateId(),
                        "images/" + suite.id() + "/" + id + ".png", scene);
            }
        }
        throw new IllegalStateException("suite " + suite.id() + " could not draw an answerable "
                + family + " question in 200 scenes");
    }
}
