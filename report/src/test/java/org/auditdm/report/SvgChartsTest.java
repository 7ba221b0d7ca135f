package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.auditdm.audit.loop.AuditRunner.CurvePoint;
import org.auditdm.world.bench.Accuracy;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void chartsAreDeterministicSvgWithFixedIds() {
        List<CurvePoint> curve = List.of(new CurvePoint(1, 0.1, 0.7, 0, 0), new CurvePoint(2, 0.2, 0.8, 0, 0));
        String a = SvgCharts.rewardCurve("chart-x", curve);
        String b = SvgCharts.rewardCurve("chart-x", curve);
        assertThat(a).isEqualTo(b).startsWith("<svg").contains("id='chart-x'").contains("viewBox='0.0 0.0 900.0 360.0'");
        assertThat(a).contains("mean reward").contains("valid text rate");
        // Clip paths and other definitions carry the chart's prefix, never a time-based one.
        assertThat(a).contains("chart-x-").doesNotContainPattern("id='_\\d{6,}");
    }

    @Test
    void labelsFromFilesAreEscapedInsideSvg() {
        String svg = SvgCharts.typeRates("chart-t", List.of("<script>alert(1)</script>"),
                List.of(Accuracy.of(5, 10)), List.of(Accuracy.of(4, 10)), Accuracy.of(1, 10));
        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
        String rates = SvgCharts.rates("chart-r", "t", "y", List.of(new SvgCharts.LabelledRate("a&b", Accuracy.of(1, 2))));
        assertThat(rates).doesNotContain("a&b").contains("a&amp;b");
    }
}
