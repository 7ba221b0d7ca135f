package org.auditdm.rectify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Where one example came from.
 *
 * @param source the builder that made it
 * @param seedId the seed or pool image it was made from ({@code seed-000042}, {@code pool-000007})
 * @param auditor the auditor checkpoint that wrote the text ({@code auditor:rl}), or null
 * @param typeId the failure type it samples (augment), or null
 * @param findingId the run finding it is (findings), or null
 * @param auditorText the auditor's text (question, edit or caption), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(Source source, String seedId, String auditor, String typeId, String findingId,
                         String auditorText) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(seedId, "seedId");
    }

    public static Provenance of(Source source, String seedId) {
        return new Provenance(source, seedId, null, null, null, null);
    }
}
