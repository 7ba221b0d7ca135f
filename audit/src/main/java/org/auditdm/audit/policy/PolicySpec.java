package org.auditdm.audit.policy;

/**
 * Shape of an {@link AuditorPolicy}: a three-stage strided CNN over the seed image, a bag-of-words
 * encoder of the seed question, a mode embedding, and a GRU decoder over the text vocabulary.
 *
 * @param imageSize side of the input image in pixels (images of other sizes are rejected)
 * @param conv1 channels of the first conv stage (stride 2)
 * @param conv2 channels of the second conv stage (stride 2)
 * @param conv3 channels of the third conv stage (stride 2), pooled to a 4x4 grid
 * @param embedDim word embedding width (shared by the question encoder and the decoder input)
 * @param hidden GRU state and context width
 * @param maxTextTokens longest text the policy writes, counting the closing end token
 * @param maxQuestionTokens seed question tokens read (longer questions are cut)
 */
public record PolicySpec(int imageSize, int conv1, int conv2, int conv3, int embedDim, int hidden,
                         int maxTextTokens, int maxQuestionTokens) {
    public PolicySpec {
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("image size must be a positive multiple of 32, got " + imageSize);
        }
        for (int v : new int[] {conv1, conv2, conv3, embedDim, hidden}) {
            if (v < 1 || v > 4096) {
                throw new IllegalArgumentException("layer widths must be 1 to 4096, got " + v);
            }
        }
        if (maxTextTokens < 2 || maxTextTokens > 512) {
            throw new IllegalArgumentException("max text tokens must be 2 to 512, got " + maxTextTokens);
        }
        if (maxQuestionTokens < 1 || maxQuestionTokens > 512) {
            throw new IllegalArgumentException("max question tokens must be 1 to 512, got " + maxQuestionTokens);
        }
    }

    /** The default auditor: about 0.7M parameters at a vocabulary of ~300 words. */
    public static PolicySpec standard() {
        return new PolicySpec(64, 16, 32, 48, 64, 192, 64, 32);
    }

    /** A tiny policy for tests. */
    public static PolicySpec tiny() {
        return new PolicySpec(64, 4, 8, 8, 16, 32, 64, 24);
    }
}
