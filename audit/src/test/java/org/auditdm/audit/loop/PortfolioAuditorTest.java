package org.auditdm.audit.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.testing.FixedTextAuditor;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.Test;

class PortfolioAuditorTest {
    static final Picture IMAGE = new Renderer().render(new SeedPool(1).get(0).scene());

    static Auditor fixed(String text) {
        return new FixedTextAuditor(Map.of(ProbeMode.QUESTION, List.of(text)));
    }

    @Test
    void sharesTheBudgetByWeightAndIsDeterministic() {
        Map<Auditor, Double> members = new LinkedHashMap<>();
        members.put(fixed("how many circles are there?"), 3.0);
        members.put(fixed("what colour is the star?"), 1.0);
        PortfolioAuditor p = new PortfolioAuditor(members);

        List<ProbeText> a = p.propose(IMAGE, "q", ProbeMode.QUESTION, 4000, 9);
        List<ProbeText> b = p.propose(IMAGE, "q", ProbeMode.QUESTION, 4000, 9);

        assertThat(a).hasSize(4000).isEqualTo(b);
        long circles = a.stream().filter(t -> t.text().startsWith("how many")).count();
        assertThat(circles / 4000.0).isBetween(0.72, 0.78);
        assertThat(p.id()).contains("portfolio");
    }

    @Test
    void needsAPositiveWeight() {
        assertThatThrownBy(() -> new PortfolioAuditor(Map.of(fixed("x"), 0.0)))
                .hasMessageContaining("positive weight");
    }
}
