package org.auditdm.world.sample;

import java.util.Arrays;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;

/**
 * The probabilities behind sampled scenes. {@link #TRAINING} has the long tail real data has: most
 * scenes hold few objects, small objects, small text and some colours are rare, perturbations are
 * uncommon. {@link #UNIFORM} treats every value alike (benchmarks and the image pool use it, so
 * that the tail shows).
 *
 * <p>Weights are relative (they need not sum to one). Arrays are indexed by the enum ordinal.
 *
 * @param kindWeights OBJECTS, CHART, SIGN, CLOCK
 * @param countDecay object counts 1..12 have weight {@code countDecay^(n-1)}; 1 is uniform
 * @param colorWeights by {@link NamedColor} ordinal
 * @param shapeWeights by {@link ShapeKind} ordinal
 * @param sizeWeights by {@link SizeClass} ordinal
 * @param fillWeights by {@link Fill} ordinal
 * @param textSizeWeights by {@link TextSize} ordinal
 * @param labelProbability chance that an object carries a short text label
 * @param signInSceneProbability chance that an object scene also holds a sign
 * @param overlapProbability chance that an object may overlap earlier ones (occlusion)
 * @param clutterProbability chance of distractor marks
 * @param textureProbability chance of a non-plain background texture
 * @param colouredBackgroundProbability chance of a background other than white
 * @param photometricProbability chance of a photometric perturbation
 * @param rotatedSignProbability chance that a sign is tilted
 */
public record WorldPrior(
        double[] kindWeights, double countDecay, double[] colorWeights, double[] shapeWeights,
        double[] sizeWeights, double[] fillWeights, double[] textSizeWeights,
        double labelProbability, double signInSceneProbability, double overlapProbability,
        double clutterProbability, double textureProbability, double colouredBackgroundProbability,
        double photometricProbability, double rotatedSignProbability) {

    /** The skewed distribution the zoo is trained on. */
    public static final WorldPrior TRAINING = new WorldPrior(
            new double[] {0.70, 0.10, 0.10, 0.10},
            0.78,
            //        red  orange yellow green cyan blue purple pink brown gray black white
            new double[] {1.0, 0.35, 0.8, 1.0, 0.25, 1.0, 0.35, 0.3, 0.25, 0.6, 0.6, 0.4},
            //        circle square triangle star hexagon diamond cross pentagon
            new double[] {1.0, 1.0, 0.9, 0.5, 0.35, 0.6, 0.4, 0.3},
            new double[] {0.15, 0.45, 0.40},
            new double[] {0.7, 0.15, 0.15},
            new double[] {0.15, 0.45, 0.40},
            0.08, 0.08, 0.15, 0.12, 0.15, 0.25, 0.08, 0.10);

    /** Every value alike: the distribution of benchmarks and of the unlabelled image pool. */
    public static final WorldPrior UNIFORM = new WorldPrior(
            new double[] {0.70, 0.10, 0.10, 0.10},
            1.0,
            ones(NamedColor.values().length),
            ones(ShapeKind.values().length),
            ones(SizeClass.values().length),
            ones(Fill.values().length),
            ones(TextSize.values().length),
            0.15, 0.15, 0.3, 0.3, 0.3, 0.4, 0.25, 0.3);

    public WorldPrior {
        check("kindWeights", kindWeights, SceneKind.values().length);
        check("colorWeights", colorWeights, NamedColor.values().length);
        check("shapeWeights", shapeWeights, ShapeKind.values().length);
        check("sizeWeights", sizeWeights, SizeClass.values().length);
        check("fillWeights", fillWeights, Fill.values().length);
        check("textSizeWeights", textSizeWeights, TextSize.values().length);
        if (!(countDecay > 0 && countDecay <= 1.5)) {
            throw new IllegalArgumentException("countDecay must be in (0, 1.5], got " + countDecay);
        }
        for (double p : new double[] {labelProbability, signInSceneProbability, overlapProbability,
            clutterProbability, textureProbability, colouredBackgroundProbability, photometricProbability,
            rotatedSignProbability}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must be in [0, 1], got " + p);
            }
        }
        kindWeights = kindWeights.clone();
        colorWeights = colorWeights.clone();
        shapeWeights = shapeWeights.clone();
        sizeWeights = sizeWeights.clone();
        fillWeights = fillWeights.clone();
        textSizeWeights = textSizeWeights.clone();
    }

    private static void check(String what, double[] w, int n) {
        if (w == null || w.length != n) {
            throw new IllegalArgumentException(what + " needs " + n + " weights");
        }
        double sum = 0;
        for (double v : w) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(what + " has a negative or non-finite weight");
            }
            sum += v;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException(what + " weights sum to zero");
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    /** The same prior with other scene-kind weights. */
    public WorldPrior withKindWeights(double... w) {
        return new WorldPrior(w, countDecay, colorWeights, shapeWeights, sizeWeights, fillWeights, textSizeWeights,
                labelProbability, signInSceneProbability, overlapProbability, clutterProbability,
                textureProbability, colouredBackgroundProbability, photometricProbability, rotatedSignProbability);
    }
}
