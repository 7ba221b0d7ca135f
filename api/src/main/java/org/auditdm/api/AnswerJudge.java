package org.auditdm.api;

/**
 * Decides whether two answers to the same question mean the same thing. The reward of the audit
 * loop and every benchmark score rest on this decision.
 */
@FunctionalInterface
public interface AnswerJudge {
    /** True when {@code a} and {@code b} mean the same answer. Symmetric. */
    boolean same(String a, String b);
}
