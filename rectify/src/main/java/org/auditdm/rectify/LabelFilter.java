package org.auditdm.rectify;

/**
 * Which ensemble-labelled pairs become training examples.
 *
 * <p>A label is always the reference ensemble's agreed answer and must be in the target's closed
 * answer vocabulary; pairs where the members disagree never get a label.
 *
 * @param onlyTargetDisagreements keep only pairs where the target's answer differs in meaning from
 *     the consensus (the audit's findings); false keeps every agreed pair, including ones the target
 *     already answers like the ensemble (they anchor what it gets right)
 * @param maxPerImage at most this many examples per image (0: no limit); keeps one busy image from
 *     dominating the data
 * @param minConfidence keep a pair only if every member gave its answer at least this probability
 *     (0: off); members that cannot say (probability NaN, e.g. remote chat models) do not block a pair
 * @param checkPresuppositions keep a pair about "the X" only if the ensemble also agrees there is exactly one X
 *     (asked "how many X are there?"): questions about absent or several objects have no single right answer,
 *     and the ensemble's shared guess on them is a bad label (see the audit's {@code Presuppositions})
 */
public record LabelFilter(boolean onlyTargetDisagreements, int maxPerImage, double minConfidence,
                          boolean checkPresuppositions) {
    /** Every agreed pair, at most 8 per image: the default for bootstrap and augment. */
    public static final LabelFilter AGREED = new LabelFilter(false, 8, 0, true);
    /** Only pairs where the target disagrees with an agreeing ensemble. */
    public static final LabelFilter DISAGREEMENTS = new LabelFilter(true, 8, 0, true);

    /** A filter that checks presuppositions. */
    public LabelFilter(boolean onlyTargetDisagreements, int maxPerImage, double minConfidence) {
        this(onlyTargetDisagreements, maxPerImage, minConfidence, true);
    }

    public LabelFilter {
        if (maxPerImage < 0) {
            throw new IllegalArgumentException("maxPerImage must be >= 0, got " + maxPerImage);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
        }
    }

    public LabelFilter withOnlyTargetDisagreements(boolean only) {
        return new LabelFilter(only, maxPerImage, minConfidence, checkPresuppositions);
    }

    public LabelFilter withCheckPresuppositions(boolean check) {
        return new LabelFilter(onlyTargetDisagreements, maxPerImage, minConfidence, check);
    }
}
