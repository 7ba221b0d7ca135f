package org.auditdm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;
import org.auditdm.audit.loop.AuditRunner.CurvePoint;
import org.auditdm.world.bench.Accuracy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn with JFreeChart into SVG text for inlining. Output is deterministic: every
 * chart gets a fixed element id and a fixed prefix for its definitions (clip paths, gradients), so the
 * same data gives the same bytes and several charts can share one page without id clashes.
 */
public final class SvgCharts {
    private static final Color RL = new Color(0x1f77b4);
    private static final Color SECOND = new Color(0xd62728);
    private static final Color THIRD = new Color(0x2ca02c);
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    /** Reward steps averaged for the smoothed curve. */
    static final int SMOOTHING_STEPS = 10;

    private SvgCharts() {
    }

    /** A rate with its interval and a label, one point of a dot-and-whisker chart. */
    public record LabelledRate(String label, Accuracy rate) {
    }

    /** Mean reward (raw and smoothed) and the share of valid texts per GRPO step. */
    public static String rewardCurve(String id, List<CurvePoint> curve) {
        XYSeries reward = new XYSeries("mean reward");
        XYSeries smooth = new XYSeries("mean reward, " + SMOOTHING_STEPS + "-step average");
        XYSeries valid = new XYSeries("valid text rate");
        double window = 0;
        for (int i = 0; i < curve.size(); i++) {
            CurvePoint p = curve.get(i);
            reward.add(p.step(), p.meanReward());
            valid.add(p.step(), p.validRate());
            window += p.meanReward();
            if (i >= SMOOTHING_STEPS) {
                window -= curve.get(i - SMOOTHING_STEPS).meanReward();
            }
            smooth.add(p.step(), window / Math.min(i + 1, SMOOTHING_STEPS));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(reward);
        data.addSeries(smooth);
        data.addSeries(valid);
        NumberAxis x = new NumberAxis("GRPO step");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("share");
        y.setRange(0, 1.0);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, new Color(0x9ecae1));
        lines.setSeriesStroke(0, new BasicStroke(1f));
        lines.setSeriesPaint(1, RL);
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
        lines.setSeriesPaint(2, THIRD);
        lines.setSeriesStroke(2, new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(data, x, y, lines);
        return svg(id, chart("RL auditor: reward and valid texts per step", plot), 900, 360);
    }

    /**
     * Rates with 95% intervals as dots and whiskers, one column per label (search success of the auditors).
     */
    public static String rates(String id, String title, String axisLabel, List<LabelledRate> rates) {
        YIntervalSeries series = new YIntervalSeries(axisLabel);
        String[] labels = new String[rates.size()];
        for (int i = 0; i < rates.size(); i++) {
            Accuracy a = rates.get(i).rate();
            labels[i] = rates.get(i).label();
            if (a.total() > 0) {
                series.add(i, a.rate(), a.low(), a.high());
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        SymbolAxis x = symbols("", labels);
        NumberAxis y = new NumberAxis(axisLabel);
        y.setRange(0, 1.0);
        XYPlot plot = new XYPlot(data, x, y, whiskers(RL));
        JFreeChart chart = chart(title, plot);
        chart.removeLegend();
        return svg(id, chart, 600, 340);
    }

    /**
     * Each failure type's fresh-probe target failure rate, by consensus and by oracle, with 95% intervals,
     * and the general rate as a reference line. Types missing a validation are left out.
     *
     * @param names type names, in display order
     * @param byConsensus the matching rates by consensus
     * @param byOracle the matching rates by oracle
     * @param general the target's rate by consensus on general fresh probes, or null
     */
    public static String typeRates(String id, List<String> names, List<Accuracy> byConsensus, List<Accuracy> byOracle,
                                   Accuracy general) {
        YIntervalSeries consensus = new YIntervalSeries("target fails, by consensus");
        YIntervalSeries oracle = new YIntervalSeries("target fails, by oracle");
        String[] labels = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            // Reversed so that the first type is drawn at the top of the horizontal chart.
            int at = names.size() - 1 - i;
            labels[at] = shorten(names.get(i), 48);
            add(consensus, at - 0.12, byConsensus.get(i));
            add(oracle, at + 0.12, byOracle.get(i));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(consensus);
        data.addSeries(oracle);
        SymbolAxis x = symbols("", labels);
        NumberAxis y = new NumberAxis("failure rate on fresh probes");
        y.setRange(0, 1.0);
        XYErrorRenderer renderer = whiskers(RL);
        renderer.setSeriesPaint(1, SECOND);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        if (general != null && general.total() > 0) {
            ValueMarker marker = new ValueMarker(general.rate(), Color.GRAY,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            marker.setLabel(String.format(Locale.ROOT, "general %.0f%%", 100 * general.rate()));
            marker.setLabelFont(LABEL);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(marker);
        }
        int height = 120 + 34 * Math.max(1, names.size());
        return svg(id, chart("Failure types: target failure rate on fresh probes (95% CI)", plot), 900, height);
    }

    private static void add(YIntervalSeries series, double x, Accuracy a) {
        if (a != null && a.total() > 0) {
            series.add(x, a.rate(), a.low(), a.high());
        }
    }

    private static SymbolAxis symbols(String label, String[] symbols) {
        SymbolAxis axis = new SymbolAxis(label, symbols);
        axis.setGridBandsVisible(false);
        axis.setTickLabelFont(LABEL);
        axis.setRange(-0.6, Math.max(0.6, symbols.length - 0.4));
        return axis;
    }

    private static XYErrorRenderer whiskers(Color color) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setCapLength(8);
        r.setErrorStroke(new BasicStroke(1.5f));
        r.setSeriesPaint(0, color);
        return r;
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new Font("SansSerif", Font.BOLD, 14)));
        chart.setBackgroundPaint(Color.WHITE);
        // Anti-aliasing hints only affect raster output; text stays text in SVG.
        chart.setAntiAlias(true);
        return chart;
    }

    private static String svg(String id, JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // The default prefix holds System.nanoTime(): fix it so output is reproducible and ids unique per chart.
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(width, height));
        return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
