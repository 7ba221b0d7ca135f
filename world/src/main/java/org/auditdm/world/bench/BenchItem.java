package org.auditdm.world.bench;

import java.util.Objects;
import org.auditdm.world.question.Family;
import org.auditdm.world.scene.Scene;

/**
 * One benchmark item: a scene (rendered to {@code image}), a question and its oracle answer. The
 * JSONL line of an exported suite is this record.
 *
 * @param id unique across suites, e.g. {@code counting-0042}
 * @param image path of the PNG relative to the export directory
 * @param templateId the paraphrase template the question was written through
 */
public record BenchItem(String id, String suite, Family family, String question, String answer,
                        String templateId, String image, Scene scene) {
    public BenchItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(scene, "scene");
    }
}
