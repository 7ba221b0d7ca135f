package org.auditdm.zoo.checkpoint;

/** How parameter values are stored. */
public enum Precision {
    /** IEEE binary32, exact. Training checkpoints use this so resume is exact. */
    FLOAT32,
    /** IEEE binary16 (round to nearest even): half the size, for committed checkpoints; evaluate the stored model. */
    FLOAT16
}
