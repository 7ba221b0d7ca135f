package org.auditdm.rectify;

import java.util.List;
import org.auditdm.api.ImageStore;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.failures.FailureType;

/**
 * Fresh probes of a failure type, already answered by the target and judged by the reference
 * ensemble (the failures module's re-validation generator implements this). Augment labels them
 * from their consensus.
 */
public interface TypeSampler {
    /** {@code count} new probes matching {@code type}'s definition; deterministic for a seed. */
    List<Evaluated> sample(FailureType type, int count, long seed);

    /** Where the sampled probes' images are. */
    ImageStore images();
}
