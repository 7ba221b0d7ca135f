package org.auditdm.audit.policy;

import java.util.Objects;
import org.auditdm.api.Picture;

/** A seed as GRPO sees it: an id the reward function can look up, the image and the seed question. */
public record SeedInput(String id, Picture image, String question) {
    public SeedInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
    }
}
