package org.auditdm.api;

import java.util.List;

/** Proposes probes for a seed: questions, edit commands or regeneration captions. */
public interface Auditor {
    /** A stable identifier, e.g. {@code auditor:rl-step-400}. */
    String id();

    /**
     * Writes {@code count} texts of one mode for a seed image and its question. Deterministic for a
     * given {@code seed}.
     */
    List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed);
}
