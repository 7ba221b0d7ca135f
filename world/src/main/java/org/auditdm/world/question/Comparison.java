package org.auditdm.world.question;

/** The comparative or superlative of a comparing question; each family accepts some of them. */
public enum Comparison {
    /** Size comparison. */
    BIGGER, SMALLER,
    /** Count comparison. */
    MORE, FEWER,
    /** Chart superlatives. */
    TALLEST, SHORTEST,
    /** Comparison of two bars. */
    HIGHER, LOWER
}
