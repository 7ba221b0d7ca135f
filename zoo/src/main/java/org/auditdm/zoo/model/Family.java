package org.auditdm.zoo.model;

/** Architecture families; the reference ensemble mixes them so it is not one inductive bias. */
public enum Family {
    /** Convolutional network whose residual blocks are modulated FiLM-style by the question. */
    FILM_CNN,
    /** Vision transformer over image patches and question tokens jointly, classified from a CLS token. */
    PATCH_TRANSFORMER
}
