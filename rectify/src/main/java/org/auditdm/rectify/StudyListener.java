package org.auditdm.rectify;

/** Progress of long phases (data building, fine-tuning, evaluation), for progress bars. */
public interface StudyListener {
    /** A phase's progress. */
    interface Phase {
        void update(long done, String detail);

        void done();
    }

    /** Starts a phase of {@code total} units. */
    Phase begin(String label, long total);

    /** A line of information (what was built, where it was written). */
    default void info(String line) {
    }

    StudyListener SILENT = (label, total) -> new Phase() {
        @Override
        public void update(long done, String detail) {
        }

        @Override
        public void done() {
        }
    };
}
