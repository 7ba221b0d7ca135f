package org.auditdm.failures;

import java.util.List;
import java.util.Objects;

/**
 * A named, re-validated kind of failure: the findings that share a definition, the evidence, and how
 * often the target fails on fresh probes of the same kind.
 *
 * @param id stable across runs: {@link TypeDefinition#id()}
 * @param name short, e.g. "colour: orange read as red"
 * @param description one or two sentences built from what the members share
 * @param findingIds the run's findings in this type, sorted
 * @param exemplars a few findings to show, most typical first
 * @param validation fresh-probe rates; null if re-validation was skipped
 * @param mergedFrom ids of types merged into this one because their fresh probes overlapped heavily
 */
public record FailureType(String id, String name, String description, TypeDefinition definition,
                          List<String> findingIds, List<Exemplar> exemplars, Validation validation,
                          List<String> mergedFrom) {
    public FailureType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        findingIds = List.copyOf(findingIds);
        exemplars = List.copyOf(exemplars);
        mergedFrom = List.copyOf(mergedFrom);
    }

    /** Whether fresh probes confirmed the type. */
    public boolean validated() {
        return validation != null && validation.validated();
    }

    /**
     * Severity used to sort types: the target's fresh-probe failure rate by consensus (lower bound of its
     * interval, so that well-supported rates come first); the share of findings when not validated.
     */
    public double severity() {
        if (validation == null || validation.targetByConsensus().total() == 0) {
            return 0;
        }
        return validation.targetByConsensus().low();
    }
}
