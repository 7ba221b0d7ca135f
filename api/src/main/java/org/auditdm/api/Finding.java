package org.auditdm.api;

import java.util.Objects;

/**
 * A probe on which the target's answer differs in meaning from an agreeing reference ensemble
 * (reward 1), with every model's answer.
 *
 * @param id stable within a run, e.g. {@code f-000123}
 * @param targetAnswer what the target said
 * @param consensus the reference members' answers and their agreed answer
 * @param oracleAnswer the world oracle's answer, when one exists (synthetic seeds): for measuring
 *     only, never used to decide what is a finding
 */
public record Finding(String id, Probe probe, String targetAnswer, Consensus consensus, String oracleAnswer) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(targetAnswer, "targetAnswer");
        Objects.requireNonNull(consensus, "consensus");
    }
}
