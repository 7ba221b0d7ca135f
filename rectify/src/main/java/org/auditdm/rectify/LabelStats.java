package org.auditdm.rectify;

/**
 * What happened to the pairs a {@link ConsensusLabeler} saw.
 *
 * @param seen pairs offered
 * @param disagreed the members disagreed (or a member failed): no label
 * @param outOfVocabulary the agreed answer is not in the target's answer vocabulary
 * @param targetAlreadyAgrees dropped because the filter keeps only target disagreements
 * @param unconfirmedPresupposition dropped because the ensemble did not confirm the question's presupposition
 *     (exactly one of the objects it asks about)
 * @param lowConfidence dropped because a member's probability was below the filter's minimum
 * @param duplicates the same (image, question) was already labelled
 * @param overImageLimit dropped by the per-image limit
 * @param kept examples labelled (a builder may keep fewer when it has enough)
 */
public record LabelStats(int seen, int disagreed, int outOfVocabulary, int targetAlreadyAgrees,
                         int unconfirmedPresupposition, int lowConfidence,
                         int duplicates, int overImageLimit, int kept) {
    public static final LabelStats NONE = new LabelStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public LabelStats plus(LabelStats o) {
        return new LabelStats(seen + o.seen, disagreed + o.disagreed, outOfVocabulary + o.outOfVocabulary,
                targetAlreadyAgrees + o.targetAlreadyAgrees,
                unconfirmedPresupposition + o.unconfirmedPresupposition, lowConfidence + o.lowConfidence,
                duplicates + o.duplicates, overImageLimit + o.overImageLimit, kept + o.kept);
    }

    /** Share of offered pairs on which the ensemble agreed. */
    public double agreementRate() {
        return seen == 0 ? Double.NaN : 1.0 - (double) disagreed / seen;
    }
}
