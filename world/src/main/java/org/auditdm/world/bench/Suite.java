package org.auditdm.world.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.auditdm.world.question.Family;
import org.auditdm.world.sample.Draw;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;

/**
 * The sixteen held-out benchmark suites. Each isolates one skill: its scenes come from the
 * {@link WorldPrior#UNIFORM uniform} prior (so the training distribution's tail shows), its
 * questions from a few families, through every paraphrase template including those held out of
 * training.
 */
public enum Suite {
    POPE("hallucination: existence with random, popular and adversarial negatives",
            List.of(Family.EXISTENCE), Scenes.OBJECTS),
    COUNTING("counting all objects or one shape, 1 to 12 objects",
            List.of(Family.COUNT), Scenes.UNIFORM_COUNT),
    ATTRIBUTE_COUNTING("counting by colour, size or fill; counting colours",
            List.of(Family.COUNT_ATTRIBUTE, Family.COLOR_COUNT), Scenes.UNIFORM_COUNT),
    COLOR("colour recognition of objects and signs, near pairs included",
            List.of(Family.COLOR, Family.SIGN_COLOR), Scenes.OBJECTS_WITH_SIGNS),
    SHAPE("shape and fill recognition",
            List.of(Family.SHAPE, Family.FILL), Scenes.OBJECTS),
    SIZE("absolute size and size comparison",
            List.of(Family.SIZE, Family.SIZE_COMPARE), Scenes.OBJECTS),
    SPATIAL("spatial relations between two objects",
            List.of(Family.SPATIAL), Scenes.OBJECTS),
    POSITION("absolute position on a 3x3 grid",
            List.of(Family.POSITION), Scenes.OBJECTS),
    COUNT_COMPARE("which of two kinds of objects is more numerous",
            List.of(Family.COUNT_COMPARE), Scenes.UNIFORM_COUNT),
    BINDING("attribute binding: which colour goes with which shape",
            List.of(Family.BINDING), Scenes.OBJECTS),
    NEGATION("negation and uniqueness",
            List.of(Family.NEGATION, Family.UNIQUENESS), Scenes.OBJECTS),
    TEXT("reading signs and object labels, small and rotated text included",
            List.of(Family.TEXT_READING), Scenes.SIGNS),
    CHART("bar chart values, extremes and comparisons",
            List.of(Family.CHART_VALUE, Family.CHART_EXTREME, Family.CHART_COMPARE), Scenes.CHARTS),
    CLOCK("analog clock reading",
            List.of(Family.CLOCK), Scenes.CLOCKS),
    SMALL_OBJECTS("existence, colour, shape and counting of small objects in clutter",
            List.of(Family.EXISTENCE, Family.COLOR, Family.SHAPE, Family.COUNT), Scenes.SMALL),
    ROBUSTNESS("mixed questions under blur, noise, contrast, brightness and JPEG perturbations",
            List.of(Family.EXISTENCE, Family.COLOR, Family.SHAPE, Family.COUNT, Family.POSITION,
                    Family.TEXT_READING, Family.CLOCK, Family.CHART_VALUE), Scenes.PERTURBED);

    private final String description;
    private final List<Family> families;
    private final Scenes scenes;

    Suite(String description, List<Family> families, Scenes scenes) {
        this.description = description;
        this.families = families;
        this.scenes = scenes;
    }

    /** The suite's name in files and tables: lower case with underscores. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public List<Family> families() {
        return families;
    }

    /** The base seed of this suite's items: fixed, so every export holds the same items. */
    public long seed() {
        return 0x5EED_0000L + 7919L * ordinal();
    }

    /** Draws one scene for this suite. */
    Scene scene(SplittableRandom rng) {
        return scenes.draw(rng);
    }

    /** Looks a suite up by id, case-insensitively, with a clear error listing the valid ids. */
    public static Suite byId(String id) {
        for (Suite s : values()) {
            if (s.id().equalsIgnoreCase(id.trim()) || s.name().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown benchmark suite '" + id + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(Suite::id).toList()));
    }

    /** Scene distributions of the suites. */
    private enum Scenes {
        OBJECTS, UNIFORM_COUNT, OBJECTS_WITH_SIGNS, SIGNS, CHARTS, CLOCKS, SMALL, PERTURBED;

        private static final SceneSampler UNIFORM = new SceneSampler(WorldPrior.UNIFORM);
        private static final SceneSampler SMALL_ONLY = new SceneSampler(new WorldPrior(
                new double[] {1, 0, 0, 0}, 1.0, WorldPrior.UNIFORM.colorWeights(), WorldPrior.UNIFORM.shapeWeights(),
                new double[] {1, 0, 0}, WorldPrior.UNIFORM.fillWeights(), WorldPrior.UNIFORM.textSizeWeights(),
                0, 0, 0.1, 1.0, 0.3, 0.3, 0, 0));
        private static final SceneSampler WITH_SIGNS = new SceneSampler(new WorldPrior(
                new double[] {1, 0, 0, 0}, 1.0, WorldPrior.UNIFORM.colorWeights(), WorldPrior.UNIFORM.shapeWeights(),
                WorldPrior.UNIFORM.sizeWeights(), WorldPrior.UNIFORM.fillWeights(), WorldPrior.UNIFORM.textSizeWeights(),
                0.3, 0.5, 0.3, 0.3, 0.3, 0.4, 0.25, 0.3));

        Scene draw(SplittableRandom rng) {
            return switch (this) {
                case OBJECTS -> UNIFORM.sample(SceneKind.OBJECTS, rng);
                case UNIFORM_COUNT -> UNIFORM.objectScene(1 + rng.nextInt(12), rng);
                case OBJECTS_WITH_SIGNS -> WITH_SIGNS.sample(SceneKind.OBJECTS, rng);
                case SIGNS -> rng.nextInt(4) == 0 ? WITH_SIGNS.sample(SceneKind.OBJECTS, rng)
                        : UNIFORM.sample(SceneKind.SIGN, rng);
                case CHARTS -> UNIFORM.sample(SceneKind.CHART, rng);
                case CLOCKS -> UNIFORM.sample(SceneKind.CLOCK, rng);
                case SMALL -> SMALL_ONLY.sample(SceneKind.OBJECTS, rng);
                case PERTURBED -> {
                    SceneKind kind = Draw.weighted(rng, SceneKind.values(), new double[] {5, 1, 1, 1});
                    Scene s = UNIFORM.sample(kind, rng);
                    yield s.withBackdrop(s.backdrop().withPhotometric(UNIFORM.photometric(rng)));
                }
            };
        }
    }
}
