package org.auditdm.world.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
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
 * A behavioural look at how a model answers spatial relations in scenes of two objects from the zoo's training
 * distribution (training paraphrases). Each question is asked as drawn, then with its subject and other object
 * swapped ("is the square left of the circle?" for "is the circle left of the square?": the answer flips), and as
 * two position questions, one per object. A model blind to which phrase is the subject gives the same answer to
 * both orders; one that cannot find the objects misplaces them.
 *
 * @param items spatial questions asked
 * @param correct of them answered right
 * @param swapped swapped questions asked (both orders answerable)
 * @param swappedSame of them answered exactly as in the original order
 * @param swappedCorrect of them answered right
 * @param bothPlaced items whose two objects the model places right (position questions)
 * @param bothPlacedCorrect of those, spatial questions answered right
 */
public record RelationCheck(int items, int correct, int swapped, int swappedSame, int swappedCorrect,
                            int bothPlaced, int bothPlacedCorrect) {
    /** Seed of the items: fixed, so every model sees the same ones. */
    public static final long SEED = 77;

    /** The spatial items of two-object scenes the check asks, up to {@code n}. */
    public static List<BenchItem> items(int n) {
        List<BenchItem> out = new ArrayList<>();
        for (BenchItem i : FamilyItems.training(2).generate(n, SEED)) {
            if (i.family() == Family.SPATIAL) {
                out.add(i);
            }
        }
        return out;
    }

    /** Runs the check on up to {@code n} items, telling {@code progress} how many are done. */
    public static RelationCheck run(VisionLanguageModel model, int n, IntConsumer progress) {
        List<BenchItem> items = items(n);
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
            String answer = ask(model, image, item.question());
            boolean right = answer.equals(item.answer());
            correct += right ? 1 : 0;
            Program swap = Program.spatial(p.other(), p.relation(), p.subject());
            if (oracle.answer(item.scene(), swap).isAnswer()) {
                QA qa = questions.qa(item.scene(), swap, Templates.byId(item.templateId()).orElseThrow());
                String b = ask(model, image, qa.text());
                swapped++;
                same += b.equals(answer) ? 1 : 0;
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
        return model.answer(new VisualQuestion(image, question)).text();
    }

    /** The figures, a line each. */
    public List<String> lines() {
        return List.of(
                "spatial questions, two-object scenes: right " + pct(correct, items),
                "subject and other swapped: same answer as before " + pct(swappedSame, swapped)
                        + " (blind to word order: 100%), right " + pct(swappedCorrect, swapped),
                "both objects placed right (position questions) on " + pct(bothPlaced, items)
                        + "; spatial right on those " + pct(bothPlacedCorrect, bothPlaced));
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%.1f%% (%d of %d)", n == 0 ? 0.0 : 100.0 * k / n, k, n);
    }
}
