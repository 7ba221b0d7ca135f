package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The layers the zoo networks share, as parameter layouts and forward functions over {@link NamedParameters}.
 *
 * <p>Batch normalisation normalises with the batch's statistics in training mode and updates the running
 * statistics (buffers, see {@link ParameterDef#trainable()}) in place; in inference mode it uses the running
 * statistics only, so an answer never depends on the other rows of its batch.
 */
final class Layers {
    /**
     * Weight of the old running statistics at each training batch (DJL's convention, measured: DJL hands
     * PyTorch 1 - this value, so a new batch weighs 0.1, PyTorch's default).
     */
    static final float BN_MOMENTUM = 0.9f;
    static final float BN_EPS = 1e-5f;

    private Layers() {
    }

    /** A square convolution without bias (a batch norm follows it), He-initialised. */
    static void conv(List<ParameterDef> out, String name, int in, int outChannels, int kernel) {
        out.add(ParameterDef.normal(name + ".w", Math.sqrt(2.0 / (in * kernel * kernel)), outChannels, in, kernel,
                kernel));
    }

    /** Scale, shift and the two running-statistics buffers of a batch norm over {@code channels}. */
    static void batchNorm(List<ParameterDef> out, String name, int channels) {
        out.add(ParameterDef.ones(name + ".g", channels));
        out.add(ParameterDef.zeros(name + ".b", channels));
        out.add(ParameterDef.buffer(name + ".mean", 0f, channels));
        out.add(ParameterDef.buffer(name + ".var", 1f, channels));
    }

    /** A conv followed by its batch norm ({@code name.bn}). */
    static void convBn(List<ParameterDef> out, String name, int in, int outChannels, int kernel) {
        conv(out, name, in, outChannels, kernel);
        batchNorm(out, name + ".bn", outChannels);
    }

    static void linear(List<ParameterDef> out, String name, long in, long outDim, double gain) {
        out.add(ParameterDef.normal(name + ".w", gain / Math.sqrt(in), outDim, in));
        out.add(ParameterDef.zeros(name + ".b", outDim));
    }

    /** Same-padded convolution with the given stride; the kernel size comes from the weight's shape. */
    static NDArray conv(NDArray x, NamedParameters p, String name, int stride) {
        NDArray w = p.get(name + ".w");
        int pad = (int) w.getShape().get(2) / 2;
        return Conv2d.conv2d(x, w, null, new Shape(stride, stride), new Shape(pad, pad), new Shape(1, 1), 1)
                .singletonOrThrow();
    }

    static NDArray batchNorm(NDArray x, NamedParameters p, String name, boolean training) {
        return BatchNorm.batchNorm(x, p.get(name + ".mean"), p.get(name + ".var"), p.get(name + ".g"),
                p.get(name + ".b"), 1, BN_MOMENTUM, BN_EPS, training).singletonOrThrow();
    }

    /** conv, batch norm. */
    static NDArray convBn(NDArray x, NamedParameters p, String name, int stride, boolean training) {
        return batchNorm(conv(x, p, name, stride), p, name + ".bn", training);
    }

    /** Max-pool with a square window equal to its stride ({@code factor} 1: unchanged). */
    static NDArray maxPool(NDArray x, int factor) {
        return factor == 1 ? x
                : Pool.maxPool2d(x, new Shape(factor, factor), new Shape(factor, factor), new Shape(0, 0), false);
    }

    static NDArray linear(NDArray x, NamedParameters p, String name) {
        return Linear.linear(x, p.get(name + ".w"), p.get(name + ".b")).singletonOrThrow();
    }

    /** Multiply-accumulates of a same-padded convolution producing a {@code side} x {@code side} map. */
    static long convMacs(int in, int outChannels, int kernel, int side) {
        return (long) in * kernel * kernel * outChannels * side * side;
    }
}
