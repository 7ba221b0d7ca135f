package org.auditdm.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code auditdm bench audit}: the audit loop's quality and speed figures: search success of the
 * RL auditor, the base auditor and random world text at equal budgets, finding precision, the
 * reward curve, and end-to-end probes per second.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Measure the audit loop: search success (RL vs base auditor vs random world text, equal budget), "
                + "finding precision, reward curve, probes per second.")
public final class BenchAuditCommand extends AuditCommand {
    @Override
    protected Map<String, String> presetFlags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", "S");
        m.put("references", "R1,R2");
        m.put("output", "runs/bench-audit");
        return m;
    }
}
