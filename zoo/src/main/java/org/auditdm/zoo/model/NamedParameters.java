package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameter tensors of one network, in layout order, owned by a private NDManager that lives as long as
 * the model. Values can be read and replaced as float arrays (checkpoints) without touching DJL blocks.
 */
public final class NamedParameters implements AutoCloseable {
    private final NDManager manager;
    private final ParameterLayout layout;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    private NamedParameters(NDManager manager, ParameterLayout layout, List<float[]> values) {
        this.manager = manager;
        this.layout = layout;
        List<ParameterDef> defs = layout.parameters();
        if (values.size() != defs.size()) {
            throw new IllegalArgumentException("expected " + defs.size() + " parameter tensors, got " + values.size());
        }
        for (int i = 0; i < defs.size(); i++) {
            ParameterDef d = defs.get(i);
            float[] v = values.get(i);
            if (v.length != d.size()) {
                throw new IllegalArgumentException("parameter " + d.name() + " expects " + d.size() + " values, got "
                        + v.length);
            }
            NDArray a = manager.create(v, new Shape(d.shape()));
            a.setName(d.name());
            arrays.put(d.name(), a);
        }
    }

    /**
     * Fresh parameters drawn from {@code rng} in layout order: normal(0, std) by Box-Muller from
     * {@link SplittableRandom#nextDouble()} (JDK-independent), or the constant.
     */
    public static NamedParameters initialise(NDManager parent, ParameterLayout layout, SplittableRandom rng) {
        List<float[]> values = new ArrayList<>();
        for (ParameterDef d : layout.parameters()) {
            float[] v = new float[Math.toIntExact(d.size())];
            if (d.std() == 0) {
                java.util.Arrays.fill(v, d.constant());
            } else {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (gaussian(rng) * d.std());
                }
            }
            values.add(v);
        }
        return new NamedParameters(parent.newSubManager(), layout, values);
    }

    /** Parameters with the given values, one array per layout entry in order. */
    public static NamedParameters of(NDManager parent, ParameterLayout layout, List<float[]> values) {
        return new NamedParameters(parent.newSubManager(), layout, values);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalStateException("no parameter named " + name);
        }
        return a;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The trainable arrays in layout order (live: training updates them in place); buffers are left out. */
    public List<NDArray> trainable() {
        List<NDArray> out = new ArrayList<>();
        for (ParameterDef d : layout.parameters()) {
            if (d.trainable()) {
                out.add(arrays.get(d.name()));
            }
        }
        return out;
    }

    /** The definitions of {@link #trainable()}, in the same order. */
    public List<ParameterDef> trainableDefs() {
        return layout.parameters().stream().filter(ParameterDef::trainable).toList();
    }

    /** All arrays, buffers included, in layout order (live: training updates them in place). */
    public List<NDArray> arrays() {
        return Collections.unmodifiableList(new ArrayList<>(arrays.values()));
    }

    /** A copy of every tensor's values, in layout order. */
    public List<float[]> values() {
        List<float[]> out = new ArrayList<>();
        for (NDArray a : arrays.values()) {
            out.add(a.toFloatArray());
        }
        return out;
    }

    /** Overwrites every tensor in place with the given values (layout order). */
    public void setValues(List<float[]> values) {
        List<NDArray> list = arrays();
        if (values.size() != list.size()) {
            throw new IllegalArgumentException("expected " + list.size() + " tensors, got " + values.size());
        }
        for (int i = 0; i < list.size(); i++) {
            list.get(i).set(values.get(i));
        }
    }

    /** Turns gradient recording on or off for the trainable arrays (buffers never record one). */
    public void setRequiresGradient(boolean requires) {
        for (NDArray a : trainable()) {
            a.setRequiresGradient(requires);
        }
    }

    /** The manager owning the parameters; its number of managed arrays is a leak indicator. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
