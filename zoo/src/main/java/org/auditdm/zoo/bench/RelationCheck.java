package org.auditdm.zoo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.bench.BenchItem;
import org.auditdm.world.bench.FamilyItems;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.question.Templates;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.scene.ObjectFilter;

/**
 * A behavioural look at how a model answers spatial relations in scenes of two objects, from the zoo's training
 * distribution: each question is asked as drawn, with its subject and other object swapped ("is the square left of
 * the circle?" for "is the circle left of the square?", whose answer flips), and as two position questions, one
 * for each object. A model that ignores which phrase is the subject gives the same answer to both orders; one
 * that cannot find the objects gets their positions wrong.
 *
 * @param items spatial questions asked
 * @param correct of them answered right
 * @param swapped swapped questions with an answer (both orders answerable)
 * @param swappedSame of them answered exactly as the original order
 * @param swappedCorrect of them answered right
 * @param bothPlaced items whose two objects the model places right (position questions)
 * @param bothPlacedCorrect of those, spatial answered right
 */
public record RelationCheck(int items, int correct, int swapped, int swappedSame, int swappedCorrect,
                            int bothPlaced, int bothPlacedCorrect) {
    /** Seed of the items: fixed, so every model sees the same ones. */
    public static final long SEED = 77;

    /** Runs the check on up to {@code n} spatial items, reporting each item done. */
    public static RelationCheck run(VisionLanguageModel model, int n, IntConsumer progress) {
        List<BenchItem> items = new ArrayList<>();
        for (BenchItem i : new FamilyItems(org.auditdm.world.sample.WorldPrior.TRAINING, false, 2).generate(n, SEED)) {
            if (i.family() == Family.SPATIAL) {
                items.add(i);
            }
        }
        Renderer renderer = new Renderer();
        QuestionSampler questions = new QuestionSampler();
        Oracle oracle = new Oracle();
        int correct = 0;
        int swapped = 0;
        int same = 0;
        int swappedCorrect = 0;
        int placed = 0;
        int placedCorrect = 0;
        for (int k = 0; k < items.size(); k++) {
            BenchItem item = items.get(k);
            Picture image = renderer.render(item.scene());
            Program p = QuestionParser.parse(item.question()).program();
            String a = ask(model, image, item.question());
            boolean right = a.equals(item.answer());
            correct += right ? 1 : 0;
            Program swap = Program.spatial(p.other(), p.relation(), p.subject());
            if (oracle.answer(item.scene(), swap).isAnswer()) {
                QA qa = questions.qa(item.scene(), swap, Templates.byId(item.templateId()).orElseThrow());
                String b = ask(model, image, qa.text());
                swapped++;
                same += b.equals(a) ? 1 : 0;
                swappedCorrect += b.equals(qa.answer()) ? 1 : 0;
            }
            int good = 0;
            for (ObjectFilter f : List.of(p.subject(), p.other())) {
                Program where = Program.about(Family.POSITION, f);
                if (oracle.answer(item.scene(), where).isAnswer()) {
                    QA qa = questions.qa(item.scene(), where, Templates.of(Family.POSITION, false).get(0));
                    good += ask(model, image, qa.text()).equals(qa.answer()) ? 1 : 0;
                }
            }
            if (good == 2) {
                placed++;
                placedCorrect += right ? 1 : 0;
            }
            progress.accept(k + 1);
        }
        return new RelationCheck(items.size(), correct, swapped, same, swappedCorrect, placed, placedCorrect);
    }

    private static String ask(VisionLanguageModel model, Picture image, String question) {
        Answer a = model.answer(new VisualQuestion(image, question));
        return a.text();
    }

    /** The figures as lines of text. */
    public List<String> lines() {
        return List.of(
                String.format(java.util.Locale.ROOT, "spatial, two-object scenes: %s", pct(correct, items)),
                String.format(java.util.Locale.ROOT, "subject and other swapped: same answer as before %s "
                        + "(a model blind to word order: 100%%), right %s", pct(swappedSame, swapped), pct(swappedCorrect, swapped)),
                String.format(java.util.Locale.ROOT, "both objects placed right (position questions) on %s; "
                        + "spatial right on those: %s", pct(bothPlaced, items), pct(bothPlacedCorrect, bothPlaced)));
    }

    private static String pct(int k, int n) {
        return String.format(java.util.Locale.ROOT, "%.1f%% (%d of %d)", n == 0 ? 0.0 : 100.0 * k / n, k, n);
    }
}
