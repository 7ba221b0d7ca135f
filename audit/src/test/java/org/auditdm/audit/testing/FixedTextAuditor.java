package org.auditdm.audit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;

/**
 * A test auditor that picks its texts from fixed lists per mode, driven by the seed it is given (so
 * it is deterministic and its choices follow the run's randomness). The token {@code {seed}} in a
 * text is replaced by the seed question, so "the seed question itself" is expressible.
 */
public final class FixedTextAuditor implements Auditor {
    private final Map<ProbeMode, List<String>> texts;

    public FixedTextAuditor(Map<ProbeMode, List<String>> texts) {
        this.texts = texts;
    }

    @Override
    public String id() {
        return "test:fixed-text";
    }

    @Override
    public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
        List<String> pool = texts.getOrDefault(mode, List.of());
        SplittableRandom rng = new SplittableRandom(seed);
        List<ProbeText> out = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            String t = pool.get(rng.nextInt(pool.size())).replace("{seed}", seedQuestion);
            out.add(new ProbeText(mode, t, -1.0 - i));
        }
        return out;
    }
}
