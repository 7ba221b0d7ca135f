package org.auditdm.failures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.auditdm.api.Pairing;
import org.auditdm.api.ProbeMode;

/**
 * One finding shown as evidence for a failure type: enough to draw a card with the seed image and
 * the counterfactual side by side and every model's answer. Images are SHA-256 names in the run's
 * image store ({@code images/<sha>.png}).
 *
 * @param imageText the edit or caption that made the counterfactual image, or null when the image is the seed's
 * @param referenceAnswers each reference member's answer, in the order of {@code referenceNames}
 * @param oracleAnswer the world's answer when known (synthetic seeds), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exemplar(String findingId, String seedImageSha, String imageSha, ProbeMode mode, Pairing pairing,
                       String question, String imageText, String targetAnswer, List<String> referenceAnswers,
                       String consensus, String oracleAnswer) {
    public Exemplar {
        referenceAnswers = List.copyOf(referenceAnswers);
    }
}
