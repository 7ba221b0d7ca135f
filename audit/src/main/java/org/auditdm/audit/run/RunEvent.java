package org.auditdm.audit.run;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.auditdm.api.Finding;

/**
 * One line of a run's typed, append-only event log ({@code events.jsonl}).
 *
 * <p>Work is done in units (a seed's index in discovery, a step in RL training). A unit's
 * {@link ProbeEvaluated} and {@link FindingRecorded} events are written first and count only once
 * the unit's commit event ({@link SeedProcessed}, {@link StepStats}) follows them: a unit is committed
 * atomically by one line, and everything after the last commit is discarded on resume.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunEvent.RunStarted.class, name = "run_started"),
    @JsonSubTypes.Type(value = RunEvent.RunResumed.class, name = "run_resumed"),
    @JsonSubTypes.Type(value = RunEvent.ProbeEvaluated.class, name = "probe_evaluated"),
    @JsonSubTypes.Type(value = RunEvent.FindingRecorded.class, name = "finding"),
    @JsonSubTypes.Type(value = RunEvent.SeedProcessed.class, name = "seed_processed"),
    @JsonSubTypes.Type(value = RunEvent.AuditorCheckpoint.class, name = "auditor_checkpoint"),
    @JsonSubTypes.Type(value = RunEvent.StepStats.class, name = "step_stats"),
    @JsonSubTypes.Type(value = RunEvent.RunCompleted.class, name = "run_completed")
})
public sealed interface RunEvent {

    /** Whether this event commits everything written before it (forced to disk). */
    default boolean commits() {
        return true;
    }

    /** The first line of every log. {@code time} comes from the run's injected clock. */
    record RunStarted(String runId, String time) implements RunEvent {
        public RunStarted {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * A resume: how many units were already committed and how many bytes of uncommitted tail (a unit
     * in progress, a half-written line) were dropped.
     */
    record RunResumed(String time, int committedUnits, long droppedBytes) implements RunEvent {
        public RunResumed {
            Objects.requireNonNull(time, "time");
        }
    }

    /** One evaluated auditor text of a unit; {@code index} is its place in the unit. */
    record ProbeEvaluated(int unit, int index, Evaluated evaluated) implements RunEvent {
        public ProbeEvaluated {
            Objects.requireNonNull(evaluated, "evaluated");
        }

        @Override
        public boolean commits() {
            return false;
        }
    }

    /** A finding of a unit. */
    record FindingRecorded(int unit, Finding finding) implements RunEvent {
        public FindingRecorded {
            Objects.requireNonNull(finding, "finding");
        }

        @Override
        public boolean commits() {
            return false;
        }
    }

    /** Commits one discovery unit: seed {@code unit} is done. */
    record SeedProcessed(int unit, String seedId, int probes, int valid, int invalid, int errors, int findings,
                         int rewardSum) implements RunEvent {
        public SeedProcessed {
            Objects.requireNonNull(seedId, "seedId");
        }
    }

    /** An auditor checkpoint written to {@code path} (relative to the run directory). */
    record AuditorCheckpoint(int step, String auditorId, String path, String sha256) implements RunEvent {
        public AuditorCheckpoint {
            Objects.requireNonNull(auditorId, "auditorId");
            Objects.requireNonNull(path, "path");
        }
    }

    /** Commits one training step with its statistics (mean reward, loss, KL, ...). */
    record StepStats(int step, Map<String, Double> stats) implements RunEvent {
        public StepStats {
            stats = java.util.Collections.unmodifiableMap(new TreeMap<>(stats));
        }
    }

    /** The last line of a finished run. */
    record RunCompleted(String time, int units, int probes, int findings) implements RunEvent {
        public RunCompleted {
            Objects.requireNonNull(time, "time");
        }
    }
}
