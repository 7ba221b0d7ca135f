package org.auditdm.audit.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;

/**
 * An {@link Auditor} backed by an {@link AuditorPolicy}: samples {@code count} texts at the given
 * temperature. Calls are serialised (the policy is not thread-safe).
 */
public final class PolicyAuditor implements Auditor {
    private final String id;
    private final AuditorPolicy policy;
    private final double temperature;

    public PolicyAuditor(String id, AuditorPolicy policy, double temperature) {
        this.id = Objects.requireNonNull(id, "id");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        this.temperature = temperature;
    }

    @Override
    public String id() {
        return id;
    }

    public AuditorPolicy policy() {
        return policy;
    }

    @Override
    public synchronized List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count,
                                                long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
        if (count == 0) {
            return List.of();
        }
        List<AuditorPolicy.Generation> g = policy.generate(List.of(new PolicyInput(image, seedQuestion, mode)), count,
                temperature, new SplittableRandom(seed));
        List<ProbeText> out = new ArrayList<>(count);
        for (AuditorPolicy.Generation x : g) {
            out.add(new ProbeText(mode, x.text(), x.logProbability()));
        }
        return out;
    }
}
