package org.auditdm.rectify;

/** Where a rectification example came from. */
public enum Source {
    /** A finding of the audit run, re-asked to the reference ensemble. */
    FINDING,
    /** A fresh probe of a validated failure type. */
    AUGMENT,
    /** An auditor's question or edit on an image of the unlabelled pool. */
    BOOTSTRAP,
    /** A finding of an auditor on seeds (the base-auditor control). */
    SEED_FINDING,
    /** A sample of the training distribution with its true label (the data-scaling control). */
    TRAINING_SAMPLE
}
