package org.auditdm.audit.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.auditdm.zoo.model.NamedParameters;

/**
 * AdamW over a policy's parameters with NDArray ops (the zoo's optimiser is package-private there),
 * with global gradient-norm clipping. Zeroes the gradients after each update, since DJL
 * accumulates them across collector scopes.
 */
final class AdamW implements AutoCloseable {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final NamedParameters params;
    private final NDManager manager;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private int step;

    AdamW(NamedParameters params) {
        this.params = params;
        this.manager = params.manager().newSubManager();
        for (NDArray p : params.arrays()) {
            first.add(manager.zeros(p.getShape()));
            second.add(manager.zeros(p.getShape()));
        }
    }

    /** One update from the gradients left by backward; returns the gradient norm before clipping. */
    double update(NDManager scope, double lr, double weightDecay, double clipNorm) {
        List<NDArray> arrays = params.arrays();
        List<NDArray> grads = new ArrayList<>(arrays.size());
        double sq = 0;
        for (NDArray p : arrays) {
            NDArray g = p.getGradient();
            g.attach(scope);
            grads.add(g);
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1.0;
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < arrays.size(); i++) {
            NDArray p = arrays.get(i);
            NDArray g = grads.get(i);
            NDArray m = first.get(i);
            NDArray v = second.get(i);
            m.muli(BETA1).addi(g.mul((1 - BETA1) * scale));
            v.muli(BETA2).addi(g.square().mul((1 - BETA2) * scale * scale));
            NDArray denom = v.sqrt();
            denom.attach(scope);
            denom.divi(Math.sqrt(c2)).addi(EPS);
            NDArray update = m.div(denom);
            update.attach(scope);
            update.muli(lr / c1);
            if (weightDecay > 0 && p.getShape().dimension() > 1) {
                NDArray decay = p.mul(lr * weightDecay);
                decay.attach(scope);
                update.addi(decay);
            }
            p.subi(update);
            g.subi(g);
        }
        return norm;
    }

    /** Learning rate at {@code step} (0-based) of {@code total}: linear warm-up, then cosine to {@code floor * peak}. */
    static double schedule(double peak, int step, int total, double warmupFraction, double floor) {
        int warm = (int) Math.round(total * warmupFraction);
        if (step < warm) {
            return peak * (step + 1) / warm;
        }
        double progress = total - warm <= 1 ? 1 : (double) (step - warm) / (total - warm - 1);
        return peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress))));
    }

    @Override
    public void close() {
        manager.close();
    }
}
