package org.auditdm.zoo.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named parameter tensor: its shape and how it is initialised (normal with {@code std}, or a constant
 * when {@code std} is 0). A tensor that is not {@code trainable} is a buffer: stored, checksummed and
 * restored like a parameter but never given a gradient or an optimiser update (batch-norm running
 * statistics, which the forward pass itself updates in training mode).
 */
public record ParameterDef(String name, long[] shape, double std, float constant, boolean trainable) {
    /** A trainable parameter. */
    public ParameterDef(String name, long[] shape, double std, float constant) {
        this(name, shape, std, constant, true);
    }

    public ParameterDef {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("parameter " + name + " has a non-positive dimension: "
                        + Arrays.toString(shape));
            }
        }
        if (std < 0) {
            throw new IllegalArgumentException("parameter " + name + ": std must be >= 0");
        }
    }

    static ParameterDef normal(String name, double std, long... shape) {
        return new ParameterDef(name, shape, std, 0f);
    }

    static ParameterDef zeros(String name, long... shape) {
        return new ParameterDef(name, shape, 0, 0f);
    }

    static ParameterDef ones(String name, long... shape) {
        return new ParameterDef(name, shape, 0, 1f);
    }

    /** A buffer filled with {@code constant}: stored with the parameters, never trained by gradient. */
    static ParameterDef buffer(String name, float constant, long... shape) {
        return new ParameterDef(name, shape, 0, constant, false);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterDef p && p.name.equals(name) && Arrays.equals(p.shape, shape)
                && p.std == std && p.constant == constant && p.trainable == trainable;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
