package org.auditdm.api;

import java.util.List;
import java.util.Objects;

/**
 * What a reference ensemble says about one question: its members' answers, whether they agree
 * (the cheap stand-in for "the question is answerable"), and the agreed answer.
 *
 * @param answer the consensus answer (the first member's answer when they agree; null when not)
 * @param agreed whether the members' answers count as agreeing under the ensemble's rule
 */
public record Consensus(List<String> memberAnswers, String answer, boolean agreed) {
    public Consensus {
        memberAnswers = List.copyOf(memberAnswers);
        if (agreed) {
            Objects.requireNonNull(answer, "an agreed consensus needs an answer");
        }
    }
}
