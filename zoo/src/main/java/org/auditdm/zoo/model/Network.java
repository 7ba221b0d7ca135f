package org.auditdm.zoo.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * A network's forward pass from encoded inputs to answer logits.
 *
 * <p>Every intermediate must end up owned by {@code scope} (a per-call sub-manager): DJL gives an op's
 * result to the manager of its first operand, so implementations put inputs (owned by {@code scope}) first
 * and never start an op from a parameter array.
 */
interface Network {
    /**
     * @param images (B, 3, H, W) float32 in [0, 1]
     * @param tokens (B, T) int64 question token ids
     * @param tokenMask (B, T) float32, 1 for real tokens and 0 for padding
     * @param training true while training: batch norms use the batch's statistics and update their running
     *     statistics; false for answers, which then depend on their own row only
     * @return (B, answers) logits
     */
    default NDArray logits(NDManager scope, NDArray images, NDArray tokens, NDArray tokenMask, boolean training) {
        return forward(scope, images, tokens, tokenMask, training, false)[0];
    }

    /**
     * Answer logits and, when {@code dense} is asked of a network with dense heads, their outputs (B, K, G, G);
     * otherwise the second element is null.
     */
    NDArray[] forward(NDManager scope, NDArray images, NDArray tokens, NDArray tokenMask, boolean training,
                      boolean dense);

    static Network of(ModelSpec spec, NamedParameters params) {
        return spec.family() == Family.FILM_CNN ? new FilmCnn(spec, params) : new PatchTransformer(spec, params);
    }
}
