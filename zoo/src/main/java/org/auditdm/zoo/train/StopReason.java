package org.auditdm.zoo.train;

/** Why a training run stopped. */
public enum StopReason {
    /** All {@link TrainingConfig#maxSteps()} steps were done. */
    MAX_STEPS,
    /** The wall-clock budget {@link TrainingConfig#maxMinutes()} ran out first; rerun to resume. */
    TIME_BUDGET
}
