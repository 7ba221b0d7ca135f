package org.auditdm.failures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.auditdm.world.bench.Accuracy;

/**
 * Whether a run's validated failure types still hold for another target (for example the same target after
 * rectification): each definition is re-validated on the same fresh probes (same seed) with the new target,
 * and its failure rate by consensus compared with the run's.
 */
public final class Recheck {
    /**
     * One type, before and after.
     *
     * @param pValue one-sided two-proportion test that the rate went down
     * @param shrank whether it went down significantly (alpha 0.05, not corrected for the number of types)
     * @param beforeByOracle the run's own failure rate of the type by the oracle (evaluation only)
     * @param shrankByOracle whether the rate by the oracle went down significantly (the same test)
     */
    public record Row(String id, String name, Accuracy before, Accuracy after, Accuracy afterByOracle,
                      double pValue, boolean shrank, Accuracy beforeByOracle, boolean shrankByOracle) {
    }

    /** Whether {@code after} is significantly below {@code before} (one-sided two-proportion test, alpha 0.05). */
    public static boolean shrank(Accuracy before, Accuracy after) {
        return FailureTypeFinder.pValue(before, after) < 0.05;
    }

    private Recheck() {
    }

    /**
     * @param revalidator asks the new target (and the same ensemble)
     * @param probes fresh probes per type, as in the run's own re-validation
     */
    public static List<Row> of(FailureTypes earlier, Revalidator revalidator, int probes, long seed) {
        Objects.requireNonNull(earlier, "earlier");
        List<Row> out = new ArrayList<>();
        for (FailureType t : earlier.validated()) {
            Revalidator.Sample s = revalidator.sample(t.definition(), probes, 8 * probes,
                    seed ^ t.definition().id().hashCode());
            Accuracy before = t.validation().targetByConsensus();
            Accuracy after = s.validation().targetByConsensus();
            double p = FailureTypeFinder.pValue(before, after);
            Accuracy beforeOracle = t.validation().targetByOracle();
            Accuracy afterOracle = s.validation().targetByOracle();
            out.add(new Row(t.id(), t.name(), before, after, afterOracle, p, p < 0.05, beforeOracle,
                    shrank(beforeOracle, afterOracle)));
        }
        return out;
    }
}
