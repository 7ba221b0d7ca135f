package org.auditdm.failures;

import java.util.List;
import java.util.Objects;

/**
 * The failure types of one audit run, as written to {@code failure-types.json} in the run directory.
 *
 * @param runId the run's id (from its manifest)
 * @param target the target model's name
 * @param referenceNames the reference members' names, in the order of exemplar answers
 * @param findings findings in the run
 * @param clustered findings that landed in some type (the rest were in clusters too small or too mixed)
 * @param general the target's failure rates on fresh probes from the general distribution: the baseline
 *     a type must beat to be validated
 * @param types sorted by severity, most severe first; validated and unvalidated alike
 * @param seed the seed that fixed clustering and re-validation
 */
public record FailureTypes(String runId, String target, List<String> referenceNames, int findings, int clustered,
                           Validation general, List<FailureType> types, long seed) {
    public static final String FILE = "failure-types.json";

    public FailureTypes {
        Objects.requireNonNull(runId, "runId");
        referenceNames = List.copyOf(referenceNames);
        types = List.copyOf(types);
    }

    /** The validated types, most severe first. */
    public List<FailureType> validated() {
        return types.stream().filter(FailureType::validated).toList();
    }
}
