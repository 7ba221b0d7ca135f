package org.auditdm.zoo.train;

/** Receives a report every {@link TrainingConfig#logEvery()} steps; an exception thrown here aborts training. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(TrainingProgress progress);
}
