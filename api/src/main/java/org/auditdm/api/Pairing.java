package org.auditdm.api;

/** Which question is asked about which image: the paper's three pairings. */
public enum Pairing {
    /** The auditor's question about the original seed image. */
    NEW_QUESTION_ORIGINAL_IMAGE,
    /** The auditor's question about the counterfactual image. */
    NEW_QUESTION_NEW_IMAGE,
    /** The seed's own question about the counterfactual image. */
    ORIGINAL_QUESTION_NEW_IMAGE
}
