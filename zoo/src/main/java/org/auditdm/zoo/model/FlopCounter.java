package org.auditdm.zoo.model;

/**
 * Analytic forward-pass cost: 2 FLOPs per multiply-accumulate of every convolution, linear layer and
 * attention product (scores and weighted sum). Element-wise ops, norms and softmax are not counted, so
 * this is the usual "matmul FLOPs" figure.
 */
public final class FlopCounter {
    private FlopCounter() {
    }

    public static long flops(ModelSpec spec, int answerCount) {
        long macs = spec.family() == Family.FILM_CNN
                ? FilmCnn.macs(spec, answerCount)
                : PatchTransformer.macs(spec, answerCount);
        return 2 * macs;
    }
}
