package org.auditdm.zoo.train;

import java.util.ArrayList;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.auditdm.world.question.AnswerSpace;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.render.ObjectMap;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * Training data drawn from the world: a scene from a prior, a question from a family mix through a
 * training template (held-out paraphrases never appear), the scene rendered at 64 pixels, and the
 * oracle's answer as label. The oracle labels the zoo's <em>original</em> training data only, as
 * human annotation labels a real VLM's; audit rewards and rectification labels never use it.
 */
public final class WorldSource implements TrainingSource {
    private static final AnswerVocabulary ANSWERS = new AnswerVocabulary(AnswerSpace.answers());

    private final String name;
    private final WorldPrior prior;
    private final SceneSampler scenes;
    private final QuestionSampler questions = new QuestionSampler();
    private final Renderer renderer = new Renderer();
    private final double[] familyWeights;
    private final int side;
    private final int maxObjects;
    private final WorldSource corpus;
    private final int denseGrid;
    private final int groundingGrid;

    /**
     * Class counts of the dense targets {@link #withDenseTargets} adds, in head order: the shape, colour, size and
     * fill of the object covering a cell, each with class 0 for "no object".
     */
    public static final List<Integer> DENSE_CLASSES = List.of(ShapeKind.values().length + 1,
            NamedColor.values().length + 1, SizeClass.values().length + 1, Fill.values().length + 1);

    public WorldSource(String name, WorldPrior prior, double[] familyWeights, int side) {
        this(name, prior, familyWeights, side, Integer.MAX_VALUE, null, 0, 0);
    }

    private WorldSource(String name, WorldPrior prior, double[] familyWeights, int side, int maxObjects,
                        WorldSource corpus, int denseGrid, int groundingGrid) {
        this.denseGrid = denseGrid;
        this.groundingGrid = groundingGrid;
        this.prior = prior;
        this.name = name;
        this.scenes = new SceneSampler(prior);
        this.familyWeights = familyWeights.clone();
        this.side = side;
        this.maxObjects = maxObjects;
        this.corpus = corpus;
    }

    /** The zoo's training distribution: the long-tailed training prior, every family alike, 64 pixels. */
    public static WorldSource training() {
        return new WorldSource("world/training-prior", WorldPrior.TRAINING, QuestionSampler.uniformWeights(),
                Renderer.DEFAULT_SIDE);
    }

    /**
     * The training distribution restricted to some question families (null or empty: all, alike) and to
     * scenes of at most {@code maxObjects} objects ({@link Limits#MAX_OBJECTS} or more: no cap; scenes
     * without objects, such as clocks, always pass): for diagnosing what a network can learn, or a curriculum. The question corpus, and so the
     * vocabulary, stays that of the whole distribution, so a checkpoint trained here can continue on it.
     */
    public static WorldSource training(List<Family> families, int maxObjects) {
        if (maxObjects < 1) {
            throw new IllegalArgumentException("max objects must be at least 1, got " + maxObjects);
        }
        boolean all = families == null || families.isEmpty();
        boolean capped = maxObjects < Limits.MAX_OBJECTS;
        if (all && !capped) {
            return training();
        }
        double[] weights = all ? QuestionSampler.uniformWeights() : new double[Family.values().length];
        List<String> restriction = new ArrayList<>();
        if (!all) {
            families.forEach(f -> weights[f.ordinal()] = 1);
            restriction.add("families=" + families.stream().map(f -> f.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(",")));
        }
        if (capped) {
            restriction.add("max-objects=" + maxObjects);
        }
        return new WorldSource("world/training-prior[" + String.join(";", restriction) + "]",
                WorldPrior.TRAINING, weights, Renderer.DEFAULT_SIDE, maxObjects, training(), 0, 0);
    }

    /**
     * The same data with per-cell targets on a {@code grid} x {@code grid} grid ({@link #DENSE_CLASSES}): which
     * object covers each cell, as a detection or segmentation annotation says, for networks with dense heads.
     */
    public WorldSource withDenseTargets(int grid) {
        if (grid < 1) {
            throw new IllegalArgumentException("grid must be positive, got " + grid);
        }
        return new WorldSource(name + "+dense" + grid, prior, familyWeights, side, maxObjects,
                corpus == null ? this : corpus, grid, groundingGrid);
    }

    /**
     * The same data with the grounding of each question's phrases on a {@code grid} x {@code grid} grid
     * ({@link Grounding}): which object the subject and, in a relation, the other phrase name, as a
     * referring-expression data set annotates, for networks with pointer heads.
     */
    public WorldSource withGrounding(int grid) {
        if (grid < 1) {
            throw new IllegalArgumentException("grid must be positive, got " + grid);
        }
        return new WorldSource(name + "+grounding" + grid, prior, familyWeights, side, maxObjects,
                corpus == null ? this : corpus, denseGrid, grid);
    }

    /** The answer vocabulary every zoo model shares: the world's {@link AnswerSpace}. */
    public static AnswerVocabulary answerVocabulary() {
        return ANSWERS;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AnswerVocabulary answers() {
        return ANSWERS;
    }

    @Override
    public List<LabeledExample> next(SplittableRandom rng, int batchSize) {
        List<LabeledExample> out = new ArrayList<>(batchSize);
        while (out.size() < batchSize) {
            Scene scene = scenes.sample(rng);
            if (scene.objects().size() > maxObjects) {
                continue;
            }
            Optional<QA> qa = questions.sampleQa(scene, rng, familyWeights, false);
            if (qa.isPresent()) {
                out.add(new LabeledExample(renderer.render(scene, side), qa.get().text(), qa.get().answer(),
                        denseGrid == 0 ? null : denseTargets(scene, denseGrid),
                        groundingGrid == 0 ? null : grounding(scene, qa.get().program(), groundingGrid)));
            }
        }
        return out;
    }

    /** The objects a program's subject and other phrase name (each when exactly one object matches), on a grid. */
    static Grounding grounding(Scene scene, Program program, int grid) {
        int[] referents = {referent(scene, program.subject()), referent(scene, program.other())};
        return new Grounding(grid, ObjectMap.cells(scene, grid), referents);
    }

    private static int referent(Scene scene, ObjectFilter filter) {
        if (filter == null) {
            return -1;
        }
        List<SceneObject> matches = filter.select(scene);
        return matches.size() == 1 ? scene.objects().indexOf(matches.get(0)) : -1;
    }

    static DenseTargets denseTargets(Scene scene, int grid) {
        int cells = grid * grid;
        int[] owner = ObjectMap.cells(scene, grid);
        byte[] classes = new byte[DENSE_CLASSES.size() * cells];
        for (int c = 0; c < cells; c++) {
            if (owner[c] != ObjectMap.EMPTY) {
                SceneObject o = scene.objects().get(owner[c]);
                classes[c] = (byte) (o.shape().ordinal() + 1);
                classes[cells + c] = (byte) (o.color().ordinal() + 1);
                classes[2 * cells + c] = (byte) (o.size().ordinal() + 1);
                classes[3 * cells + c] = (byte) (o.fill().ordinal() + 1);
            }
        }
        return new DenseTargets(grid, DENSE_CLASSES.size(), classes);
    }

    /**
     * Questions drawn exactly as in training, without rendering: the question vocabulary covers the
     * words a model meets in training; held-out paraphrase words stay unknown, as they would.
     */
    @Override
    public List<String> questionCorpus() {
        List<String> out = new ArrayList<>();
        if (corpus != null) {
            return corpus.questionCorpus();
        }
        SplittableRandom rng = new SplittableRandom(0x5EEDL);
        while (out.size() < 20_000) {
            questions.sampleQa(scenes.sample(rng), rng, familyWeights, false).ifPresent(qa -> out.add(qa.text()));
        }
        return out;
    }
}
