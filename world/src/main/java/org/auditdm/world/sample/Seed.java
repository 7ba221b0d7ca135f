package org.auditdm.world.sample;

import java.util.Objects;
import org.auditdm.world.scene.Scene;

/**
 * One seed of an audit: an image (as its scene) with a question about it, the role VQAv2's
 * (image, question) pairs play in the paper.
 *
 * @param id stable id, e.g. {@code seed-000042}
 * @param oracleAnswer the oracle's answer to the question: for measurement only, never for rewards
 *     or training labels
 */
public record Seed(String id, Scene scene, String question, String oracleAnswer) {
    public Seed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(question, "question");
    }
}
