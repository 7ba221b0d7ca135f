package org.auditdm.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.world.bench.Accuracy;

/**
 * {@code report.json}: the numbers a report shows, for scripts and for comparing reports. Rates are
 * {@link Accuracy} objects (count, total, rate and 95% interval); for failure types {@code correct}
 * counts failures.
 *
 * @param failureTypes number of types in {@code failure-types.json}; null when the run has none yet
 * @param measures auditor id to search success, finding precision and valid text share
 * @param types failure types in report order (validated first, then by severity)
 * @param referencesFailMore (type, reference) pairs where the reference fails more often than the target by the oracle
 * @param rectification whether the run has a rectification table
 * @param diff the comparison with an earlier run, when one was given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportSummary(String runId, String target, List<String> references, String gitCommit, Boolean gitDirty,
                            int findings, Integer failureTypes, Integer validatedTypes, Integer clusteredFindings,
                            Map<String, AuditMeasures> measures, Curve rewardCurve, List<Type> types,
                            List<ReferenceFailsMore> referencesFailMore, boolean rectification, RunDiff diff) {

    /**
     * The RL reward curve in brief: means over the first and last {@value SvgCharts#SMOOTHING_STEPS} steps.
     */
    public record Curve(int steps, double firstMeanReward, double lastMeanReward, double firstValidRate,
                        double lastValidRate) {
    }

    /** One failure type as shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Type(String id, String name, boolean validated, double severity, int findings, List<String> facets,
                       Integer probes, Accuracy targetByConsensus, Accuracy targetByOracle, Accuracy ensembleAgreement,
                       Map<String, Accuracy> referencesByOracle, Double pValue, List<String> exemplarFindingIds) {
    }

    /** A type on which a reference model fails more often than the target, by the oracle. */
    public record ReferenceFailsMore(String typeId, String typeName, boolean typeValidated, String reference,
                                     Accuracy referenceByOracle, Accuracy targetByOracle, boolean separated) {
    }
}
