package org.auditdm.zoo.bench;

import java.util.List;
import java.util.Locale;

/**
 * A benchmark run: the measured matrix-multiply peak (512x512 float32 matMul through DJL) and one row per model.
 */
public record BenchmarkReport(double peakMatmulGflops, List<BenchmarkRow> rows) {
    public BenchmarkReport {
        rows = List.copyOf(rows);
    }

    /** A fixed-width text table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %-22s %11s %12s %10s %11s %9s %8s %14s%n", "model", "family",
                "parameters", "MFLOP/inf", "inf/s b1", "inf/s b64", "GFLOP/s", "of peak", "train ms/step"));
        for (BenchmarkRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %-22s %,11d %12.2f %10.1f %11.1f %9.2f %7.1f%% %14s%n",
                    r.model(), r.family(), r.parameters(), r.flopsPerInference() / 1e6, r.perSecondBatch1(),
                    r.perSecondBatch64(), r.achievedGflops(), 100 * r.fractionOfPeak(),
                    Double.isNaN(r.trainStepMillis()) ? "-" : String.format(Locale.ROOT, "%.1f", r.trainStepMillis())));
        }
        sb.append(String.format(Locale.ROOT, "matmul peak (512x512 float32, DJL): %.2f GFLOP/s%n", peakMatmulGflops));
        return sb.toString();
    }
}
