package org.auditdm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.auditdm.api.Finding;
import org.auditdm.api.ProbeMode;
import org.auditdm.audit.loop.AuditRunner.CurvePoint;
import org.auditdm.audit.run.AuditMeasures;
import org.auditdm.audit.run.FileImageStore;
import org.auditdm.audit.run.RunManifest;
import org.auditdm.failures.Exemplar;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;
import org.auditdm.failures.Facet;
import org.auditdm.failures.Validation;
import org.auditdm.world.bench.Accuracy;

/**
 * The report of one audit run: a single self-contained HTML page ({@value #HTML}; images embedded as
 * {@code data:} URIs, CSS inline, charts as inline SVG, no scripts) and the numbers it shows as JSON
 * ({@value #JSON}). Sections: summary, auditor comparison, failure types with exemplars, where the
 * references fail more than the target, the RL reward curve, rectification (when the run has
 * {@code rectification.json}) and changes since an earlier run (when given).
 *
 * <p>Output depends only on the run's files: the same run gives the same bytes. Every text that came
 * from a model or a file is escaped with {@link HtmlEscape}.
 */
public final class AuditReport {
    public static final String HTML = "report.html";
    public static final String JSON = "report.json";
    /** Findings shown as cards when the run has no failure types yet. */
    static final int SAMPLE_FINDINGS = 12;

    /** Known auditors in display order: the RL auditor, then its baselines. */
    private static final Map<String, String> AUDITOR_LABELS = orderedLabels();

    private final RunContents run;
    private final FailureTypes previous;
    private final Map<String, String> dataUris = new HashMap<>();

    private AuditReport(RunContents run, FailureTypes previous) {
        this.run = Objects.requireNonNull(run, "run");
        this.previous = previous;
    }

    /** The report of a run. */
    public static AuditReport of(RunContents run) {
        return new AuditReport(run, null);
    }

    /**
     * The report of a run with a section on what changed since an earlier run (e.g. the audit before
     * rectification).
     */
    public static AuditReport of(RunContents run, FailureTypes previous) {
        return new AuditReport(run, previous);
    }

    /** Where a report was written. */
    public record Written(Path html, Path json) {
    }

    /** Reads {@code runDir} and writes {@value #HTML} and {@value #JSON} into it. */
    public static Written writeInto(Path runDir) {
        return of(RunContents.read(runDir)).write(runDir.resolve(HTML));
    }

    /**
     * Writes the page to {@code htmlFile} and the JSON beside it (same name, extension {@code .json}).
     */
    public Written write(Path htmlFile) {
        String name = htmlFile.getFileName().toString();
        String base = name.endsWith(".html") ? name.substring(0, name.length() - 5)
                : name.endsWith(".htm") ? name.substring(0, name.length() - 4) : name;
        Path jsonFile = htmlFile.resolveSibling(base + ".json");
        try {
            Path parent = htmlFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(htmlFile, html(), StandardCharsets.UTF_8);
            Files.writeString(jsonFile, json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + htmlFile, e);
        }
        return new Written(htmlFile, jsonFile);
    }

    /** The numbers of the report as pretty JSON. */
    public String json() {
        return ReportJson.write(summary());
    }

    // ----------------------------------------------------------------------------------------- numbers

    /** The numbers shown by the report. */
    public ReportSummary summary() {
        RunManifest m = run.manifest();
        FailureTypes ft = run.failureTypes();
        List<ReportSummary.Type> types = new ArrayList<>();
        for (FailureType t : orderedTypes()) {
            Validation v = t.validation();
            types.add(new ReportSummary.Type(t.id(), t.name(), t.validated(), t.severity(), t.findingIds().size(),
                    t.definition().facets().stream().map(Facet::toString).toList(),
                    v == null ? null : v.probes(),
                    v == null ? null : v.targetByConsensus(),
                    v == null ? null : v.targetByOracle(),
                    v == null ? null : v.ensembleAgreement(),
                    v == null ? null : new TreeMap<>(v.referencesByOracle()),
                    v == null ? null : v.pValue(),
                    t.exemplars().stream().map(Exemplar::findingId).toList()));
        }
        return new ReportSummary(m.runId(), target(), references(), m.git().commit(), m.git().dirty(),
                run.findings().size(),
                ft == null ? null : ft.types().size(),
                ft == null ? null : ft.validated().size(),
                ft == null ? null : ft.clustered(),
                run.measures(), curveSummary(), types, referencesFailMore(),
                rectification() != null, diff());
    }

    private ReportSummary.Curve curveSummary() {
        List<CurvePoint> c = run.rewardCurve();
        if (c.isEmpty()) {
            return null;
        }
        int n = Math.min(SvgCharts.SMOOTHING_STEPS, c.size());
        List<CurvePoint> first = c.subList(0, n);
        List<CurvePoint> last = c.subList(c.size() - n, c.size());
        return new ReportSummary.Curve(c.size(),
                first.stream().mapToDouble(CurvePoint::meanReward).average().orElse(Double.NaN),
                last.stream().mapToDouble(CurvePoint::meanReward).average().orElse(Double.NaN),
                first.stream().mapToDouble(CurvePoint::validRate).average().orElse(Double.NaN),
                last.stream().mapToDouble(CurvePoint::validRate).average().orElse(Double.NaN));
    }

    /** Types with validated ones first, then by severity (most severe first), then by id. */
    List<FailureType> orderedTypes() {
        if (run.failureTypes() == null) {
            return List.of();
        }
        List<FailureType> types = new ArrayList<>(run.failureTypes().types());
        types.sort(Comparator.comparing((FailureType t) -> !t.validated())
                .thenComparing(Comparator.comparingDouble(FailureType::severity).reversed())
                .thenComparing(FailureType::id));
        return types;
    }

    /** Pairs (type, reference) where the reference's oracle failure rate is above the target's. */
    List<ReportSummary.ReferenceFailsMore> referencesFailMore() {
        List<ReportSummary.ReferenceFailsMore> out = new ArrayList<>();
        for (FailureType t : orderedTypes()) {
            Validation v = t.validation();
            if (v == null || v.targetByOracle().total() == 0) {
                continue;
            }
            for (String ref : referenceOrder(v.referencesByOracle())) {
                Accuracy r = v.referencesByOracle().get(ref);
                if (r.total() > 0 && r.rate() > v.targetByOracle().rate()) {
                    out.add(new ReportSummary.ReferenceFailsMore(t.id(), t.name(), t.validated(), ref, r,
                            v.targetByOracle(), RunDiff.separated(r, v.targetByOracle())));
                }
            }
        }
        return out;
    }

    /** Reference names in the run's order, then any others sorted (the map itself has no order). */
    private List<String> referenceOrder(Map<String, Accuracy> byName) {
        List<String> names = new ArrayList<>();
        for (String r : exemplarReferenceNames()) {
            if (byName.containsKey(r)) {
                names.add(r);
            }
        }
        byName.keySet().stream().filter(k -> !names.contains(k)).sorted().forEach(names::add);
        return names;
    }

    private RunDiff diff() {
        return previous == null || run.failureTypes() == null ? null : RunDiff.between(previous, run.failureTypes());
    }

    private RectificationTable rectification() {
        return RectificationTable.from(run.rectification()).orElse(null);
    }

    private String target() {
        JsonNode t = run.manifest().config().path("target");
        if (t.isTextual()) {
            return t.asText();
        }
        return run.failureTypes() == null ? "unknown" : run.failureTypes().target();
    }

    private List<String> references() {
        JsonNode refs = run.manifest().config().path("references");
        List<String> names = new ArrayList<>();
        if (refs.isArray()) {
            refs.forEach(r -> names.add(r.asText()));
        }
        if (names.isEmpty() && run.failureTypes() != null) {
            names.addAll(run.failureTypes().referenceNames());
        }
        return names;
    }

    /** Names of the reference members in the order of exemplar answers. */
    private List<String> exemplarReferenceNames() {
        return run.failureTypes() != null ? run.failureTypes().referenceNames() : references();
    }

    // ------------------------------------------------------------------------------------------- page

    /** The whole page. */
    public String html() {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Audit report: ").append(esc(run.manifest().runId())).append("</h1>\n");
        body.append("<p class=\"note\">Target <b>").append(esc(target())).append("</b> audited against ")
                .append(esc(String.join(", ", references()))).append(".</p>\n");
        summarySection(body);
        rewardSection(body);
        measuresSection(body);
        typesOverviewSection(body);
        referencesFailMoreSection(body);
        rectificationSection(body);
        RunDiff diff = diff();
        if (diff != null) {
            body.append(diff.htmlSection());
        }
        typeDetailsSection(body);
        body.append("<footer>Written by auditdm ").append(esc(RunManifest.currentProjectVersion()))
                .append(" from run directory files only (").append(esc(run.manifest().runId()))
                .append("). Failure rates count failures; intervals are 95% Wilson intervals.</footer>\n");
        return ReportPage.page("auditdm report: " + run.manifest().runId(), body.toString());
    }

    /** What an empty run means, said where the count would be. */
    static final String NO_FINDINGS = "0: on no probe of this run did the target's answer differ from an answer"
            + " the reference ensemble agreed on (under the run's confidence and presupposition rules)";

    private void summarySection(StringBuilder b) {
        RunManifest m = run.manifest();
        FailureTypes ft = run.failureTypes();
        b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"kv\">\n");
        kv(b, "target", esc(target()));
        kv(b, "references", esc(String.join(", ", references())));
        kv(b, "run id", "<code>" + esc(m.runId()) + "</code>");
        String dirty = m.git().dirty() == null ? "" : m.git().dirty() ? " (with uncommitted changes)" : "";
        kv(b, "git commit", "<code>" + esc(m.git().commit()) + "</code>" + esc(dirty));
        kv(b, "findings", run.findings().isEmpty() ? esc(NO_FINDINGS) : String.valueOf(run.findings().size()));
        if (ft == null) {
            kv(b, "failure types", "not computed yet (no failure-types.json in the run)");
        } else {
            kv(b, "failure types", ft.validated().size() + " validated of " + ft.types().size() + " (" + ft.clustered()
                    + " of " + ft.findings() + " findings clustered)");
            if (ft.general() != null) {
                kv(b, "general failure rate", "target by consensus " + esc(ft.general().targetByConsensus().percent())
                        + ", by oracle " + esc(ft.general().targetByOracle().percent())
                        + " on " + ft.general().probes() + " fresh probes from the general distribution");
            }
        }
        for (Map.Entry<String, AuditMeasures> e : measures().entrySet()) {
            kv(b, "search success, " + esc(label(e.getKey())), esc(e.getValue().searchSuccess().percent()));
        }
        AuditMeasures rl = run.measures().get("auditor:rl");
        if (rl != null) {
            kv(b, "finding precision, RL auditor", esc(rl.findingPrecision().percent()));
        }
        b.append("</table>\n</section>\n");
    }

    private void measuresSection(StringBuilder b) {
        b.append("<section id=\"auditors\">\n<h2>RL auditor against baselines</h2>\n");
        if (measures().isEmpty()) {
            b.append("<p class=\"note\">No measures.json in this run.</p>\n</section>\n");
            return;
        }
        b.append("<p class=\"note\">Equal budgets on the same seeds. <b>Search success</b>: share of generated probes on"
                + " which the target is wrong by the oracle. <b>Finding precision</b>: share of findings where the target"
                + " is wrong and the consensus right. Percent with 95% CI.</p>\n");
        b.append("<table class=\"data\"><thead><tr><th>auditor</th><th>search success</th><th>finding precision</th>"
                + "<th>valid text</th></tr></thead><tbody>\n");
        List<SvgCharts.LabelledRate> rates = new ArrayList<>();
        for (Map.Entry<String, AuditMeasures> e : measures().entrySet()) {
            AuditMeasures a = e.getValue();
            b.append("<tr><td>").append(esc(label(e.getKey()))).append("</td><td>")
                    .append(esc(a.searchSuccess().percent())).append(" <span class=\"note\">(")
                    .append(a.searchSuccess().correct()).append('/').append(a.searchSuccess().total())
                    .append(")</span></td><td>").append(esc(a.findingPrecision().percent()))
                    .append(" <span class=\"note\">(").append(a.findingPrecision().correct()).append('/')
                    .append(a.findingPrecision().total()).append(")</span></td><td>")
                    .append(esc(a.validText().percent())).append("</td></tr>\n");
            rates.add(new SvgCharts.LabelledRate(label(e.getKey()), a.searchSuccess()));
        }
        b.append("</tbody></table>\n");
        b.append("<div class=\"chart\">").append(SvgCharts.rates("chart-success", "Search success with 95% CI",
                "search success", rates)).append("</div>\n");
        splitTable(b, "Search success by kind of probe", AuditMeasures::searchSuccessByProbe);
        splitTable(b, "Search success by kind of seed scene", AuditMeasures::searchSuccessBySeed);
        queriesTable(b);
        b.append("</section>\n");
    }

    /** The questions each model was asked, by phase, and the target's yield (nothing for runs without it). */
    private void queriesTable(StringBuilder b) {
        JsonNode q = run.queries();
        if (q == null || !q.path("phases").isArray() || q.path("phases").isEmpty()) {
            return;
        }
        List<String> models = new ArrayList<>();
        q.path("phases").get(0).path("questions").fieldNames().forEachRemaining(models::add);
        String target = q.path("target").asText("");
        b.append("<h3>Questions asked</h3>\n<p class=\"note\">Every question each model was asked in the invocation"
                + " that wrote the run's measures, by phase; presupposition checks and retries included. For a remote"
                + " model each is a request.</p>\n<table class=\"data\"><thead><tr><th>phase</th>");
        models.forEach(m -> b.append("<th>").append(esc((m.equals(target) ? "target " : "") + m)).append("</th>"));
        b.append("</tr></thead><tbody>\n");
        for (JsonNode p : q.path("phases")) {
            b.append("<tr><td>").append(esc(p.path("name").asText())).append("</td>");
            models.forEach(m -> b.append("<td>").append(p.path("questions").path(m).asLong()).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        List<String> yields = new ArrayList<>();
        q.path("targetYield").fields().forEachRemaining(e -> {
            JsonNode y = e.getValue();
            boolean discovery = y.has("findingsPer100");
            yields.add(String.format(Locale.ROOT, "%s: %.1f %s per 100 target questions (%d of %d)", e.getKey(),
                    y.path(discovery ? "findingsPer100" : "validFailuresPer100").asDouble(),
                    discovery ? "findings" : "valid failures", y.path(discovery ? "findings" : "validFailures").asLong(),
                    y.path("targetQuestions").asLong()));
        });
        if (!yields.isEmpty()) {
            b.append("<ul class=\"note\">");
            yields.forEach(y -> b.append("<li>").append(esc(y)).append("</li>"));
            b.append("</ul>\n");
        }
    }

    /** Search success split one way: a row per kind, a column per auditor (nothing for runs without it). */
    private void splitTable(StringBuilder b, String title, Function<AuditMeasures, Map<String, Accuracy>> split) {
        Set<String> kinds = new TreeSet<>();
        measures().values().forEach(m -> kinds.addAll(split.apply(m).keySet()));
        if (kinds.isEmpty()) {
            return;
        }
        b.append("<h3>").append(esc(title)).append("</h3>\n<table class=\"data\"><thead><tr><th>kind</th>");
        measures().keySet().forEach(id -> b.append("<th>").append(esc(label(id))).append("</th>"));
        b.append("</tr></thead><tbody>\n");
        for (String kind : kinds) {
            b.append("<tr><td>").append(esc(kind)).append("</td>");
            for (AuditMeasures m : measures().values()) {
                Accuracy a = split.apply(m).get(kind);
                b.append("<td>").append(a == null ? "-" : esc(a.percent()) + " <span class=\"note\">(" + a.correct()
                        + "/" + a.total() + ")</span>").append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /** The types at a glance: rate chart and one table row per type, linking to its details. */
    private void typesOverviewSection(StringBuilder b) {
        FailureTypes ft = run.failureTypes();
        b.append("<section id=\"types\">\n<h2>Failure types</h2>\n");
        if (run.findings().isEmpty()) {
            b.append("<p class=\"note\">No findings, so no failure types.</p>\n</section>\n");
            return;
        }
        if (ft == null) {
            b.append("<p class=\"note\">This run has no failure-types.json yet, so findings are not grouped, named or"
                    + " re-validated. The first ").append(Math.min(SAMPLE_FINDINGS, run.findings().size()))
                    .append(" findings:</p>\n<div class=\"cards\">\n");
            for (Finding f : run.findings().subList(0, Math.min(SAMPLE_FINDINGS, run.findings().size()))) {
                card(b, exemplarOf(f));
            }
            b.append("</div>\n</section>\n");
            return;
        }
        List<FailureType> types = orderedTypes();
        b.append("<p class=\"note\">").append(ft.validated().size()).append(" of ").append(types.size())
                .append(" types validated: their target failure rate by consensus on fresh probes is significantly above the"
                        + " general rate. Validated types first, then by severity (lower bound of that rate). Rates in"
                        + " percent with 95% CI; details and exemplars below.</p>\n");
        List<String> names = new ArrayList<>();
        List<Accuracy> consensus = new ArrayList<>();
        List<Accuracy> oracle = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Validation v = types.get(i).validation();
            if (v != null) {
                names.add((i + 1) + ". " + types.get(i).name());
                consensus.add(v.targetByConsensus());
                oracle.add(v.targetByOracle());
            }
        }
        if (!names.isEmpty()) {
            b.append("<div class=\"chart\">").append(SvgCharts.typeRates("chart-types", names, consensus, oracle,
                    ft.general() == null ? null : ft.general().targetByConsensus())).append("</div>\n");
        }
        b.append("<table class=\"data\"><thead><tr><th>#</th><th>type</th><th>status</th><th>findings</th>"
                + "<th>target fails, by consensus</th><th>target fails, by oracle</th><th>references fail, by oracle</th>"
                + "<th>ensemble agreement</th></tr></thead><tbody>\n");
        for (int i = 0; i < types.size(); i++) {
            FailureType t = types.get(i);
            Validation v = t.validation();
            b.append("<tr><td>").append(i + 1).append("</td><td><a href=\"#").append(esc(t.id())).append("\">")
                    .append(esc(t.name())).append("</a></td><td>").append(t.validated() ? "validated" : "not validated")
                    .append("</td><td>").append(t.findingIds().size()).append("</td>");
            if (v == null) {
                b.append("<td colspan=\"4\" class=\"note\">not re-validated</td>");
            } else {
                List<String> refs = new ArrayList<>();
                for (String ref : referenceOrder(v.referencesByOracle())) {
                    refs.add(esc(ref) + " " + esc(v.referencesByOracle().get(ref).percent()));
                }
                b.append("<td>").append(esc(v.targetByConsensus().percent())).append("</td><td>")
                        .append(esc(v.targetByOracle().percent())).append("</td><td>").append(String.join("<br>", refs))
                        .append("</td><td>").append(esc(v.ensembleAgreement().percent())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");
    }

    /** Every type in full, with its exemplar cards. */
    private void typeDetailsSection(StringBuilder b) {
        if (run.failureTypes() == null) {
            return;
        }
        b.append("<section id=\"type-details\">\n<h2>Failure types in detail</h2>\n");
        List<FailureType> types = orderedTypes();
        for (int i = 0; i < types.size(); i++) {
            typeCard(b, i + 1, types.get(i));
        }
        b.append("</section>\n");
    }

    private void typeCard(StringBuilder b, int number, FailureType t) {
        b.append("<div class=\"type ").append(t.validated() ? "validated" : "unvalidated").append("\" id=\"")
                .append(esc(t.id())).append("\">\n<h3>").append(number).append(". ").append(esc(t.name()))
                .append(t.validated() ? "<span class=\"badge yes\">validated</span>" : "<span class=\"badge no\">not validated</span>")
                .append("</h3>\n<p>").append(esc(t.description())).append("</p>\n<p>");
        for (Facet f : t.definition().facets()) {
            b.append("<span class=\"facet\">").append(esc(f.toString())).append("</span>");
        }
        b.append(" <span class=\"note\">id <code>").append(esc(t.id())).append("</code></span></p>\n<table class=\"kv\">\n");
        Validation v = t.validation();
        kv(b, "findings", String.valueOf(t.findingIds().size()));
        if (v == null) {
            kv(b, "fresh probes", "not re-validated");
        } else {
            kv(b, "fresh probes", String.valueOf(v.probes()));
            kv(b, "target fails, by consensus", esc(v.targetByConsensus().percent()) + counts(v.targetByConsensus())
                    + pValue(v.pValue()));
            kv(b, "target fails, by oracle", esc(v.targetByOracle().percent()) + counts(v.targetByOracle()));
            for (String ref : referenceOrder(v.referencesByOracle())) {
                Accuracy r = v.referencesByOracle().get(ref);
                kv(b, esc(ref) + " fails, by oracle", esc(r.percent()) + counts(r));
            }
            kv(b, "ensemble agreement", esc(v.ensembleAgreement().percent()) + counts(v.ensembleAgreement()));
        }
        if (!t.mergedFrom().isEmpty()) {
            kv(b, "merged from", esc(String.join(", ", t.mergedFrom())));
        }
        b.append("</table>\n");
        if (!t.exemplars().isEmpty()) {
            b.append("<div class=\"cards\">\n");
            for (Exemplar e : t.exemplars()) {
                card(b, e);
            }
            b.append("</div>\n");
        }
        b.append("</div>\n");
    }

    /** A finding shown as a card: images side by side and every model's answer. */
    private void card(StringBuilder b, Exemplar e) {
        b.append("<div class=\"card\">\n<div class=\"pair\">");
        boolean sameImage = Objects.equals(e.seedImageSha(), e.imageSha());
        figure(b, e.seedImageSha(), sameImage ? "seed image (asked as is)" : "seed image");
        if (!sameImage) {
            figure(b, e.imageSha(), e.mode() == ProbeMode.CAPTION ? "generated from caption" : "counterfactual (edited)");
        }
        b.append("</div>\n<table class=\"answers\">\n");
        kv(b, "finding", "<code>" + esc(e.findingId()) + "</code>");
        kv(b, "question", esc(e.question()));
        if (e.imageText() != null) {
            kv(b, e.mode() == ProbeMode.CAPTION ? "caption" : "edit", esc(e.imageText()));
        }
        kv(b, esc(target()) + " (target)", "<span class=\"wrong\">" + esc(e.targetAnswer()) + "</span>");
        List<String> names = exemplarReferenceNames();
        for (int i = 0; i < e.referenceAnswers().size(); i++) {
            String name = i < names.size() ? names.get(i) : "reference " + (i + 1);
            kv(b, esc(name), esc(e.referenceAnswers().get(i)));
        }
        kv(b, "consensus", e.consensus() == null ? "<span class=\"note\">none</span>"
                : "<span class=\"right\">" + esc(e.consensus()) + "</span>");
        if (e.oracleAnswer() != null) {
            kv(b, "oracle", esc(e.oracleAnswer()));
        }
        b.append("</table>\n</div>\n");
    }

    private void figure(StringBuilder b, String sha, String caption) {
        b.append("<figure>");
        String uri = dataUri(sha);
        if (uri == null) {
            b.append("<div class=\"missing\">image not in run</div>");
        } else {
            b.append("<img class=\"px\" width=\"128\" height=\"128\" alt=\"").append(esc(caption)).append("\" src=\"")
                    .append(uri).append("\">");
        }
        b.append("<figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    /** The image as a data: URI, or null when the run lacks it (or the name is not a hash). */
    private String dataUri(String sha) {
        if (sha == null) {
            return null;
        }
        return dataUris.computeIfAbsent(sha, s -> {
            FileImageStore images = run.images();
            Path p;
            try {
                p = images.path(s);
            } catch (IllegalArgumentException notAHash) {
                return null;
            }
            if (!Files.isRegularFile(p)) {
                return null;
            }
            try {
                return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read image " + p, e);
            }
        });
    }

    private void referencesFailMoreSection(StringBuilder b) {
        if (run.failureTypes() == null) {
            return;
        }
        b.append("<section id=\"references-fail-more\">\n<h2>Where the larger reference models fail more than the target</h2>\n");
        List<ReportSummary.ReferenceFailsMore> rows = referencesFailMore();
        if (rows.isEmpty()) {
            b.append("<p class=\"note\">On no failure type does a reference fail more often than the target (by the oracle,"
                    + " on fresh probes).</p>\n</section>\n");
            return;
        }
        b.append("<p class=\"note\">Failure types on which a reference model's failure rate by the oracle, on fresh probes,"
                + " is above the target's. Such types are blind spots the consensus cannot be trusted on.</p>\n");
        b.append("<table class=\"data\"><thead><tr><th>type</th><th>reference</th><th>reference fails</th>"
                + "<th>target fails</th><th>CIs</th></tr></thead><tbody>\n");
        for (ReportSummary.ReferenceFailsMore r : rows) {
            b.append("<tr><td>").append(esc(r.typeName())).append(r.typeValidated() ? "" : " <span class=\"note\">(not validated)</span>")
                    .append("</td><td>").append(esc(r.reference())).append("</td><td>").append(esc(r.referenceByOracle().percent()))
                    .append("</td><td>").append(esc(r.targetByOracle().percent())).append("</td><td>")
                    .append(r.separated() ? "separate" : "overlap").append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");
    }

    private void rewardSection(StringBuilder b) {
        b.append("<section id=\"reward\">\n<h2>RL reward curve</h2>\n");
        if (run.rewardCurve().isEmpty()) {
            b.append("<p class=\"note\">No reward-curve.json in this run (no RL steps).</p>\n</section>\n");
            return;
        }
        ReportSummary.Curve c = curveSummary();
        b.append(String.format(Locale.ROOT, "<p class=\"note\">%d GRPO steps. Mean reward %.3f over the first %d steps,"
                        + " %.3f over the last %d; valid texts %.1f%% then %.1f%%.</p>\n",
                c.steps(), c.firstMeanReward(), Math.min(SvgCharts.SMOOTHING_STEPS, c.steps()), c.lastMeanReward(),
                Math.min(SvgCharts.SMOOTHING_STEPS, c.steps()), 100 * c.firstValidRate(), 100 * c.lastValidRate()));
        b.append("<div class=\"chart\">").append(SvgCharts.rewardCurve("chart-reward", run.rewardCurve()))
                .append("</div>\n</section>\n");
    }

    private void rectificationSection(StringBuilder b) {
        RectificationTable t = rectification();
        if (t == null) {
            recheckSection(b);
            return;
        }
        b.append("<section id=\"rectification\">\n<h2>").append(esc(t.title())).append("</h2>\n");
        if (t.note() != null) {
            b.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
        }
        b.append("<table class=\"data\"><thead><tr><th></th>");
        for (String c : t.columns()) {
            b.append("<th>").append(esc(c)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (RectificationTable.Row r : t.rows()) {
            b.append("<tr><th>").append(esc(r.label())).append("</th>");
            for (String cell : r.cells()) {
                b.append("<td>").append(esc(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        seedSpread(b, run.rectification().path("seeds"));
        typeFixes(b, run.rectification().path("failureTypes"));
        dataFamilies(b, run.rectification().path("datasets"));
        b.append("</section>\n");
        recheckSection(b);
    }

    /**
     * Each fine-tuned row's suite average per fine-tuning seed, with the controls' differences to S+auditdm
     * paired by seed ({@code seeds} of {@code bench rectify --fine-tune-seeds N}); nothing for one seed.
     */
    static void seedSpread(StringBuilder b, JsonNode seeds) {
        JsonNode list = seeds.path("fineTuneSeeds");
        if (!list.isArray() || list.size() < 2 || !seeds.path("rows").isObject()) {
            return;
        }
        b.append("<h3>Fine-tuning seeds</h3>\n<p class=\"note\">Each data set fine-tuned ").append(list.size())
                .append(" times on the same data (seeds ").append(esc(joined(list))).append("); the table above pools "
                        + "them. Suite averages per seed, and each row's difference to the auditdm fine-tune with the "
                        + "same seed.</p>\n<table class=\"data\"><thead><tr><th>fine-tune</th><th>average per seed</th>"
                        + "<th>mean</th><th>sd</th><th>auditdm minus this, per seed</th></tr></thead><tbody>\n");
        seeds.get("rows").fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            JsonNode d = r.path("pairedDifference");
            b.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(esc(points(r.path("averages"), false)))
                    .append("</td><td>").append(esc(point(r.path("mean"), false))).append("</td><td>")
                    .append(esc(point(r.path("sd"), false))).append("</td><td>")
                    .append(d.isObject() ? esc(points(d.path("bySeed"), true) + " (mean " + point(d.path("mean"), true)
                            + ")") : "").append("</td></tr>\n");
        });
        b.append("</tbody></table>\n");
    }

    /** How many of the run's validated failure types shrank with each fine-tune ({@code failureTypes}). */
    static void typeFixes(StringBuilder b, JsonNode fixes) {
        if (!fixes.isObject() || fixes.isEmpty()) {
            return;
        }
        b.append("<h3>The audit's failure types after each fine-tune</h3>\n<p class=\"note\">The run's validated "
                + "types re-validated with each fine-tune on the run's own fresh probes: how many shrank significantly "
                + "(one-sided test, p &lt; 0.05 each), by the ensemble's consensus and by the oracle (measurement "
                + "only), and the mean failing rate by the oracle over the types.</p>\n<table class=\"data\"><thead>"
                + "<tr><th>fine-tune</th><th>types</th><th>shrank by consensus</th><th>shrank by oracle</th>"
                + "<th>failing by oracle, before</th><th>after</th></tr></thead><tbody>\n");
        fixes.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            b.append("<tr><th>").append(esc(e.getKey())).append("</th><td>").append(r.path("types").asInt())
                    .append("</td><td>").append(r.path("shrankByConsensus").asInt()).append("</td><td>")
                    .append(r.path("shrankByOracle").asInt()).append("</td><td>")
                    .append(esc(point(r.path("meanFailingByOracleBefore"), false))).append("%</td><td>")
                    .append(esc(point(r.path("meanFailingByOracleAfter"), false))).append("%</td></tr>\n");
        });
        b.append("</tbody></table>\n");
    }

    private static String joined(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }

    private static String points(JsonNode fractions, boolean signed) {
        List<String> out = new ArrayList<>();
        fractions.forEach(x -> out.add(point(x, signed)));
        return String.join(", ", out);
    }

    /** A fraction as percentage points ("49.6", or "+0.3" when signed); "n/a" when not a number. */
    private static String point(JsonNode fraction, boolean signed) {
        return fraction.isNumber() ? String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", 100 * fraction.asDouble())
                : "n/a";
    }

    /**
     * What each rectification data set asks, by question family: examples and, where the oracle can say,
     * the share of wrong labels (from {@code datasets.NAME.byFamily} and {@code pseudoLabelErrorByFamily}).
     */
    private static void dataFamilies(StringBuilder b, JsonNode datasets) {
        List<String> names = new ArrayList<>();
        Set<String> families = new TreeSet<>();
        datasets.fields().forEachRemaining(e -> {
            if (e.getValue().path("byFamily").isObject()) {
                names.add(e.getKey());
                e.getValue().get("byFamily").fieldNames().forEachRemaining(families::add);
            }
        });
        if (names.isEmpty()) {
            return;
        }
        b.append("<h3>Data by question family</h3>\n<p class=\"note\">Examples per family in each data set, "
                + "with the share of labels the oracle says are wrong (measurement only; blank where it gives no "
                + "answer).</p>\n<table class=\"data\"><thead><tr><th>family</th>");
        for (String n : names) {
            b.append("<th>").append(esc(n)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (String f : families) {
            b.append("<tr><th>").append(esc(f)).append("</th>");
            for (String n : names) {
                JsonNode d = datasets.get(n);
                int count = d.path("byFamily").path(f).asInt(0);
                JsonNode err = d.path("pseudoLabelErrorByFamily").path(f).path("rate");
                b.append("<td>").append(count == 0 ? "" : count + (err.isNumber()
                        ? String.format(Locale.ROOT, " (%.0f%% wrong)", 100 * err.asDouble()) : "")).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /**
     * The run's validated types re-validated with another target ({@code recheck.json}, written by
     * {@code auditdm types RUN --recheck}): failure rates before and after, by consensus and by the oracle.
     */
    private void recheckSection(StringBuilder b) {
        java.nio.file.Path file = run.dir().resolve("recheck.json");
        if (!java.nio.file.Files.isRegularFile(file) || run.failureTypes() == null) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode doc = RunContents.readJson(file,
                new com.fasterxml.jackson.core.type.TypeReference<com.fasterxml.jackson.databind.JsonNode>() { });
        b.append("<section id=\"recheck\">\n<h2>Failure types with ").append(esc(doc.path("target").asText()))
                .append("</h2>\n<p class=\"note\">The validated types re-validated with another target on the same fresh "
                        + "probes. A drop by consensus shows the target now answers like the ensemble; only the oracle "
                        + "column shows whether it answers correctly.</p>\n");
        b.append("<table class=\"data\"><thead><tr><th>type</th><th>fails by consensus</th><th>after</th>"
                + "<th>fails by oracle</th><th>after</th></tr></thead><tbody>\n");
        for (com.fasterxml.jackson.databind.JsonNode r : doc.path("rows")) {
            String id = r.path("id").asText();
            FailureType ft = run.failureTypes().types().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            b.append("<tr><th>").append(esc(r.path("name").asText())).append("</th><td>")
                    .append(esc(RectificationTable.cell(r.path("before")))).append("</td><td>")
                    .append(esc(RectificationTable.cell(r.path("after"))))
                    .append(r.path("shrank").asBoolean() ? " (shrank)" : "").append("</td><td>")
                    .append(ft == null ? "" : esc(ft.validation().targetByOracle().percent())).append("</td><td>")
                    .append(esc(RectificationTable.cell(r.path("afterByOracle")))).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** A finding in the shape of an exemplar, for runs without failure types. */
    private static Exemplar exemplarOf(Finding f) {
        String text = f.probe().auditorText();
        String imageText = null;
        if (f.probe().mode() != ProbeMode.QUESTION) {
            // Texts that pair a new question with a new image are written "question | edit-or-caption".
            int bar = text.lastIndexOf(" | ");
            imageText = bar >= 0 ? text.substring(bar + 3) : text;
        }
        return new Exemplar(f.id(), f.probe().seedImageSha(), f.probe().imageSha(), f.probe().mode(),
                f.probe().pairing(), f.probe().question(), imageText, f.targetAnswer(),
                f.consensus().memberAnswers(), f.consensus().answer(), f.oracleAnswer());
    }

    private static Map<String, String> orderedLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("auditor:rl", "RL auditor");
        m.put("auditor:base", "base auditor");
        m.put("auditor:random-world-text", "random world text");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The run's measures with known auditors first (RL, base, random), then any others by id. */
    private Map<String, AuditMeasures> measures() {
        Map<String, AuditMeasures> ordered = new LinkedHashMap<>();
        AUDITOR_LABELS.keySet().stream().filter(run.measures()::containsKey)
                .forEach(k -> ordered.put(k, run.measures().get(k)));
        run.measures().keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, run.measures().get(k)));
        return ordered;
    }

    /** The p value as a note; below double precision it is shown as a bound rather than as 0. */
    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        String text = p < 1e-15 ? "p &lt; 1e-15" : String.format(Locale.ROOT, "p = %.2g", p);
        return " <span class=\"note\">" + text + "</span>";
    }

    private static String label(String auditorId) {
        return AUDITOR_LABELS.getOrDefault(auditorId, auditorId);
    }

    private static String counts(Accuracy a) {
        return " <span class=\"note\">(" + a.correct() + "/" + a.total() + ")</span>";
    }

    /** A row of a key-value table; both arguments must already be safe HTML. */
    private static void kv(StringBuilder b, String key, String valueHtml) {
        b.append("<tr><th>").append(key).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String esc(String s) {
        return HtmlEscape.text(s);
    }

}
