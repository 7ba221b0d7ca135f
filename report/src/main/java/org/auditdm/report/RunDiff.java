package org.auditdm.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;
import org.auditdm.world.bench.Accuracy;

/**
 * What changed between the failure types of two runs (typically before and after rectification),
 * matching types by id (a hash of the definition, stable across runs). Rates are the target's
 * fresh-probe failure rate by consensus, with 95% intervals.
 *
 * @param fixed validated in A, and re-validated in B without being validated: B's audit found it again,
 *     and its fresh probes no longer fail significantly more than the general distribution
 * @param notFound validated in A and absent from B's types: B's audit made no findings of that
 *     definition. Not evidence of a fix (B's findings may fall under narrower or broader definitions);
 *     the recheck ({@code auditdm types A --recheck TARGET}) measures A's types on the new target
 * @param remaining validated in both
 * @param added validated only in B (absent from A, or present there but not validated)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunDiff(String runA, String runB, List<Fixed> fixed,
                      @JsonProperty("notFoundAgain") List<NotFound> notFound, List<Remaining> remaining,
                      @JsonProperty("new") List<Added> added) {

    /** A type validated in A that B no longer confirms. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fixed(String id, String name, Accuracy rateA, String statusB, Accuracy rateB) {
    }

    /** A type validated in A that B's audit did not find again. */
    public record NotFound(String id, String name, Accuracy rateA) {
    }

    /**
     * A type validated in both runs.
     *
     * @param change rate in B minus rate in A
     * @param separated whether the two 95% intervals do not overlap
     */
    public record Remaining(String id, String name, Accuracy rateA, Accuracy rateB, double change, boolean separated) {
    }

    /** A type validated in B only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Added(String id, String name, String statusA, Accuracy rateB) {
    }

    public static final String ABSENT = "absent";
    public static final String NOT_VALIDATED = "not validated";

    /** What fails a diff used as a gate (in CI: {@code auditdm diff A B --fail-on new,worse}). */
    public enum Gate {
        /** A type validated in B only: the later model has a failure type the earlier one did not. */
        NEW,
        /** A type validated in both whose failure rate rose, with separate 95% intervals. */
        WORSE,
        /** Any type validated in both: every validated type of A must be gone from B. */
        REMAINING;

        /** The gates named in a comma-separated list ({@code new,worse}); unknown names are reported by name. */
        public static EnumSet<Gate> parse(String names) {
            EnumSet<Gate> out = EnumSet.noneOf(Gate.class);
            for (String n : names.split(",")) {
                String t = n.trim();
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Gate.valueOf(t.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown gate '" + t + "'; expected some of "
                            + String.join(", ", java.util.Arrays.stream(values())
                            .map(g -> g.name().toLowerCase(Locale.ROOT)).toList()));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no gate named in '" + names + "'");
            }
            return out;
        }
    }

    public RunDiff {
        fixed = List.copyOf(fixed);
        notFound = List.copyOf(notFound);
        remaining = List.copyOf(remaining);
        added = List.copyOf(added);
    }

    /** Compares run A (before) with run B (after). */
    public static RunDiff between(FailureTypes a, FailureTypes b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Map<String, FailureType> inA = byId(a);
        Map<String, FailureType> inB = byId(b);
        List<Fixed> fixed = new ArrayList<>();
        List<NotFound> notFound = new ArrayList<>();
        List<Remaining> remaining = new ArrayList<>();
        List<Added> added = new ArrayList<>();
        for (FailureType ta : inA.values()) {
            if (!ta.validated()) {
                continue;
            }
            FailureType tb = inB.get(ta.id());
            if (tb == null) {
                notFound.add(new NotFound(ta.id(), ta.name(), rate(ta)));
            } else if (!tb.validated()) {
                fixed.add(new Fixed(ta.id(), ta.name(), rate(ta), NOT_VALIDATED, rate(tb)));
            } else {
                Accuracy ra = rate(ta);
                Accuracy rb = rate(tb);
                remaining.add(new Remaining(ta.id(), ta.name(), ra, rb, rb.rate() - ra.rate(), separated(ra, rb)));
            }
        }
        for (FailureType tb : inB.values()) {
            if (!tb.validated()) {
                continue;
            }
            FailureType ta = inA.get(tb.id());
            if (ta == null) {
                added.add(new Added(tb.id(), tb.name(), ABSENT, rate(tb)));
            } else if (!ta.validated()) {
                added.add(new Added(tb.id(), tb.name(), NOT_VALIDATED, rate(tb)));
            }
        }
        Comparator<Remaining> byChange = Comparator.comparingDouble(Remaining::change).thenComparing(Remaining::id);
        remaining.sort(byChange);
        fixed.sort(Comparator.comparing(Fixed::id));
        notFound.sort(Comparator.comparing(NotFound::id));
        added.sort(Comparator.comparing(Added::id));
        return new RunDiff(a.runId(), b.runId(), fixed, notFound, remaining, added);
    }

    /**
     * Why this diff fails {@code gates}, one line per type (empty when it passes): for a CI job, or a JUnit
     * test ({@code assertThat(diff.violations(EnumSet.of(Gate.NEW))).isEmpty()}).
     */
    public List<String> violations(Set<Gate> gates) {
        List<String> out = new ArrayList<>();
        if (gates.contains(Gate.NEW)) {
            for (Added n : added) {
                out.add(String.format(Locale.ROOT, "new: %s %s (failing %s in B; %s in A)", n.id(), n.name(),
                        pct(n.rateB()), n.statusA()));
            }
        }
        for (Remaining r : remaining) {
            boolean worse = r.separated() && r.change() > 0;
            if (gates.contains(Gate.REMAINING)) {
                out.add(String.format(Locale.ROOT, "remaining: %s %s (%s -> %s)", r.id(), r.name(), pct(r.rateA()),
                        pct(r.rateB())));
            } else if (gates.contains(Gate.WORSE) && worse) {
                out.add(String.format(Locale.ROOT, "worse: %s %s (%s -> %s, CIs separate)", r.id(), r.name(),
                        pct(r.rateA()), pct(r.rateB())));
            }
        }
        return out;
    }

    /** Whether two rates' 95% intervals do not overlap (a conservative test of a real change). */
    static boolean separated(Accuracy a, Accuracy b) {
        if (a == null || b == null || a.total() == 0 || b.total() == 0) {
            return false;
        }
        return a.high() < b.low() || b.high() < a.low();
    }

    private static Accuracy rate(FailureType t) {
        return t.validation() == null ? null : t.validation().targetByConsensus();
    }

    /** Types by id in file order; a later duplicate id (should not happen) does not hide the first. */
    private static Map<String, FailureType> byId(FailureTypes types) {
        Map<String, FailureType> m = new LinkedHashMap<>();
        for (FailureType t : types.types()) {
            m.putIfAbsent(t.id(), t);
        }
        return m;
    }

    /** A plain-text table for the terminal. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("failure types ").append(runA).append(" -> ").append(runB)
                .append(" (target failure rate by consensus, % with 95% CI)\n");
        int width = 12;
        for (Fixed f : fixed) {
            width = Math.max(width, f.name().length());
        }
        for (NotFound f : notFound) {
            width = Math.max(width, f.name().length());
        }
        for (Remaining r : remaining) {
            width = Math.max(width, r.name().length());
        }
        for (Added n : added) {
            width = Math.max(width, n.name().length());
        }
        width = Math.min(width, 60);
        String row = "  %-13s  %-" + width + "s  %-22s  %-22s  %s%n";
        sb.append('\n').append("fixed: ").append(fixed.size()).append('\n');
        if (!fixed.isEmpty()) {
            sb.append(String.format(Locale.ROOT, row, "id", "name", "A", "B", ""));
        }
        for (Fixed f : fixed) {
            sb.append(String.format(Locale.ROOT, row, f.id(), SvgCharts.shorten(f.name(), width), pct(f.rateA()),
                    f.rateB() == null ? "-" : pct(f.rateB()), f.statusB() + " in B"));
        }
        sb.append('\n').append("not found again: ").append(notFound.size()).append('\n');
        if (!notFound.isEmpty()) {
            sb.append("  (B's audit made no findings of these: not evidence of a fix; the recheck measures them on B's"
                    + " target)\n");
            sb.append(String.format(Locale.ROOT, row, "id", "name", "A", "B", ""));
        }
        for (NotFound f : notFound) {
            sb.append(String.format(Locale.ROOT, row, f.id(), SvgCharts.shorten(f.name(), width), pct(f.rateA()), "-",
                    ABSENT + " in B"));
        }
        sb.append('\n').append("remaining: ").append(remaining.size()).append('\n');
        if (!remaining.isEmpty()) {
            sb.append(String.format(Locale.ROOT, row, "id", "name", "A", "B", "change"));
        }
        for (Remaining r : remaining) {
            sb.append(String.format(Locale.ROOT, row, r.id(), SvgCharts.shorten(r.name(), width), pct(r.rateA()),
                    pct(r.rateB()), change(r)));
        }
        sb.append('\n').append("new: ").append(added.size()).append('\n');
        if (!added.isEmpty()) {
            sb.append(String.format(Locale.ROOT, row, "id", "name", "A", "B", ""));
        }
        for (Added n : added) {
            sb.append(String.format(Locale.ROOT, row, n.id(), SvgCharts.shorten(n.name(), width), n.statusA(),
                    pct(n.rateB()), ""));
        }
        return sb.toString();
    }

    /** The diff as a {@code <section>} for a report page. All names are escaped. */
    public String htmlSection() {
        StringBuilder sb = new StringBuilder();
        sb.append("<section id=\"diff\">\n<h2>Changes since ").append(HtmlEscape.text(runA)).append("</h2>\n");
        sb.append("<p class=\"note\">Failure types of run <code>").append(HtmlEscape.text(runA))
                .append("</code> (A) and <code>").append(HtmlEscape.text(runB))
                .append("</code> (B), matched by type id. Rates: the target's failure rate on fresh probes, by consensus, with 95% CI.</p>\n");
        sb.append("<h3>Fixed (").append(fixed.size()).append(")</h3>\n");
        if (!fixed.isEmpty()) {
            sb.append("<table class=\"data\"><thead><tr><th>type</th><th>id</th><th>A</th><th>B</th><th>in B</th></tr></thead><tbody>\n");
            for (Fixed f : fixed) {
                sb.append("<tr><td>").append(HtmlEscape.text(f.name())).append("</td><td><code>")
                        .append(HtmlEscape.text(f.id())).append("</code></td><td>").append(pct(f.rateA()))
                        .append("</td><td>").append(f.rateB() == null ? "&ndash;" : pct(f.rateB()))
                        .append("</td><td>").append(HtmlEscape.text(f.statusB())).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("<h3>Not found again (").append(notFound.size()).append(")</h3>\n");
        if (!notFound.isEmpty()) {
            sb.append("<p class=\"note\">Validated in A; B's audit made no findings of these definitions. That is not"
                    + " evidence of a fix: the recheck measures A's types on B's target.</p>\n");
            sb.append("<table class=\"data\"><thead><tr><th>type</th><th>id</th><th>A</th></tr></thead><tbody>\n");
            for (NotFound f : notFound) {
                sb.append("<tr><td>").append(HtmlEscape.text(f.name())).append("</td><td><code>")
                        .append(HtmlEscape.text(f.id())).append("</code></td><td>").append(pct(f.rateA()))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("<h3>Remaining (").append(remaining.size()).append(")</h3>\n");
        if (!remaining.isEmpty()) {
            sb.append("<table class=\"data\"><thead><tr><th>type</th><th>id</th><th>A</th><th>B</th><th>change</th></tr></thead><tbody>\n");
            for (Remaining r : remaining) {
                sb.append("<tr><td>").append(HtmlEscape.text(r.name())).append("</td><td><code>")
                        .append(HtmlEscape.text(r.id())).append("</code></td><td>").append(pct(r.rateA()))
                        .append("</td><td>").append(pct(r.rateB())).append("</td><td>")
                        .append(HtmlEscape.text(change(r))).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("<h3>New (").append(added.size()).append(")</h3>\n");
        if (!added.isEmpty()) {
            sb.append("<table class=\"data\"><thead><tr><th>type</th><th>id</th><th>in A</th><th>B</th></tr></thead><tbody>\n");
            for (Added n : added) {
                sb.append("<tr><td>").append(HtmlEscape.text(n.name())).append("</td><td><code>")
                        .append(HtmlEscape.text(n.id())).append("</code></td><td>").append(HtmlEscape.text(n.statusA()))
                        .append("</td><td>").append(pct(n.rateB())).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("</section>\n");
        return sb.toString();
    }

    /** A whole self-contained page holding {@link #htmlSection()}. */
    public String htmlPage() {
        return ReportPage.page("auditdm diff: " + runA + " \u2192 " + runB, htmlSection());
    }

    private static String change(Remaining r) {
        return String.format(Locale.ROOT, "%+.1f points%s", 100 * r.change(),
                r.separated() ? ", CIs separate" : ", CIs overlap");
    }

    private static String pct(Accuracy a) {
        return a == null ? "-" : a.percent();
    }
}
