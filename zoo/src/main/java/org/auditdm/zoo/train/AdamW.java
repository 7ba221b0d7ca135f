package org.auditdm.zoo.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.model.NamedParameters;
import org.auditdm.zoo.model.ParameterDef;

/**
 * AdamW written with NDArray ops so that its moments can be saved and restored exactly (DJL's built-in
 * optimisers keep their state private). Also zeroes the gradients after each update: DJL accumulates
 * gradients across collector scopes.
 */
public final class AdamW implements AutoCloseable {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final NamedParameters params;
    private final NDManager manager;
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private int step;

    /** Zeroed moments for every parameter of {@code params}. */
    public AdamW(NamedParameters params) {
        this.params = params;
        this.manager = params.manager().newSubManager();
        for (NDArray p : params.trainable()) {
            first.add(manager.zeros(p.getShape()));
            second.add(manager.zeros(p.getShape()));
        }
    }

    int step() {
        return step;
    }

    /**
     * One update with the gradients left by backward; temporaries go to {@code scope}.
     *
     * @return the global gradient norm before clipping
     */
    /** Steps skipped so far because the gradient was not finite. */
    public long skipped() {
        return skipped;
    }

    private long skipped;

    public double update(NDManager scope, double lr, double weightDecay, double clipNorm) {
        List<NDArray> arrays = params.trainable();
        List<NDArray> grads = new ArrayList<>(arrays.size());
        double sq = 0;
        for (NDArray p : arrays) {
            NDArray g = p.getGradient();
            g.attach(scope);
            grads.add(g);
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        if (!Double.isFinite(norm)) {
            // A non-finite gradient would poison the moments and the parameters: skip the step, clear the gradients.
            for (NDArray g : grads) {
                g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
            }
            skipped++;
            return norm;
        }
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
                // Decoupled decay on weight matrices only; biases, norms and embeddings-as-vectors are exempt.
                NDArray decay = p.mul(lr * weightDecay);
                decay.attach(scope);
                update.addi(decay);
            }
            p.subi(update);
            g.subi(g);
        }
        return norm;
    }

    Checkpoints.ExtraState state() {
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        List<ParameterDef> defs = params.trainableDefs();
        for (int i = 0; i < defs.size(); i++) {
            names.add("m:" + defs.get(i).name());
            shapes.add(defs.get(i).shape());
            values.add(first.get(i).toFloatArray());
        }
        for (int i = 0; i < defs.size(); i++) {
            names.add("v:" + defs.get(i).name());
            shapes.add(defs.get(i).shape());
            values.add(second.get(i).toFloatArray());
        }
        names.add("step");
        shapes.add(new long[] {1});
        values.add(new float[] {Float.intBitsToFloat(step)});
        return new Checkpoints.ExtraState(names, shapes, values);
    }

    void restore(Checkpoints.ExtraState s) {
        int n = first.size();
        if (s.values().size() != 2 * n + 1) {
            throw new IllegalArgumentException("optimiser state has " + s.values().size() + " tensors, expected "
                    + (2 * n + 1));
        }
        for (int i = 0; i < n; i++) {
            first.get(i).set(s.values().get(i));
            second.get(i).set(s.values().get(n + i));
        }
        step = Float.floatToRawIntBits(s.values().get(2 * n)[0]);
    }

    @Override
    public void close() {
        manager.close();
    }
}
