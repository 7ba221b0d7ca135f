package org.auditdm.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.auditdm.audit.loop.AuditRunner;

/**
 * What an audit's questions cost at given prices: {@code queries.json} (questions per model and phase)
 * times a price per question for each model, and what that bought: the cost of a finding in discovery and
 * of a valid failure in each auditor's equal-budget measurement (every model's questions in that phase,
 * the references' included). Prices are per question, in whatever currency the caller uses; a model
 * without a price counts as free. Pricing is done after the run, so the same counts can be priced for
 * several providers (and a run against the zoo estimates what a paid target would cost).
 *
 * @param models the models counted, by the name the run used (S, R1, ...), in the file's order
 * @param prices price per question for each priced model (a subset of {@code models})
 * @param phases the cost of each phase, per model and in total
 * @param yields what each discovery or measurement phase bought and at what cost per item
 */
public record QueryCost(List<String> models, Map<String, Double> prices, List<Phase> phases, List<Yield> yields) {

    public QueryCost {
        models = List.copyOf(models);
        prices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        phases = List.copyOf(phases);
        yields = List.copyOf(yields);
    }

    /** One phase: questions and cost per model, and the phase's total cost. */
    public record Phase(String name, Map<String, Long> questions, Map<String, Double> costs, double total) {
    }

    /**
     * What a phase bought: {@code count} findings (discovery) or valid failures (a measurement) for
     * {@code cost}; {@code perItem} is NaN when it bought none.
     */
    public record Yield(String phase, String what, long count, double cost, double perItem) {
    }

    /** The whole invocation's cost. */
    public double total() {
        return phases.stream().mapToDouble(Phase::total).sum();
    }

    /** The counted models without a price, which count as free. */
    public List<String> unpriced() {
        return models.stream().filter(m -> !prices.containsKey(m)).toList();
    }

    /**
     * Parses prices written {@code NAME=PRICE} (one per element, or several separated by commas), e.g.
     * {@code S=0.0025}: a model name and a non-negative price per question.
     *
     * @throws IllegalArgumentException naming the malformed element
     */
    public static Map<String, Double> parsePrices(List<String> specs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw new IllegalArgumentException("price '" + p + "' must be NAME=PRICE, e.g. S=0.0025 (price per question)");
                }
                String name = p.substring(0, eq).strip();
                double price;
                try {
                    price = Double.parseDouble(p.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("price '" + p + "': '" + p.substring(eq + 1).strip() + "' is not a number");
                }
                if (!(price >= 0) || Double.isInfinite(price)) {
                    throw new IllegalArgumentException("price '" + p + "' must be a non-negative number");
                }
                if (out.put(name, price) != null) {
                    throw new IllegalArgumentException("model '" + name + "' is priced twice");
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no prices given: name at least one model, e.g. --price S=0.0025");
        }
        return out;
    }

    /**
     * Prices a {@code queries.json} document. Models are named as in its {@code models} map (S, R1, ...);
     * a price may also name a model by its id. Files written before that map count models by id.
     *
     * @throws IllegalArgumentException when a price names a model the run did not ask, or the document has no phases
     */
    public static QueryCost of(JsonNode queries, Map<String, Double> pricesByName) {
        Objects.requireNonNull(queries, "queries");
        JsonNode phasesNode = queries.path("phases");
        if (!phasesNode.isArray() || phasesNode.isEmpty()) {
            throw new IllegalArgumentException("queries.json has no phases");
        }
        Map<String, String> idToName = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = queries.path("models").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            idToName.put(e.getValue().asText(), e.getKey());
        }
        Set<String> models = new LinkedHashSet<>(idToName.values());
        for (JsonNode phase : phasesNode) {
            phase.path("questions").fieldNames().forEachRemaining(models::add);
        }
        Map<String, Double> prices = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : pricesByName.entrySet()) {
            String name = models.contains(e.getKey()) ? e.getKey() : idToName.get(e.getKey());
            if (name == null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a model of this run (its models: "
                        + String.join(", ", models) + ")");
            }
            prices.put(name, e.getValue());
        }
        List<Phase> phases = new ArrayList<>();
        for (JsonNode phase : phasesNode) {
            Map<String, Long> q = new LinkedHashMap<>();
            Map<String, Double> c = new LinkedHashMap<>();
            double total = 0;
            for (String m : models) {
                long n = phase.path("questions").path(m).asLong(0);
                double cost = n * prices.getOrDefault(m, 0.0);
                q.put(m, n);
                c.put(m, cost);
                total += cost;
            }
            phases.add(new Phase(phase.path("name").asText(), q, c, total));
        }
        List<Yield> yields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = queries.path("targetYield").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean discovery = e.getValue().has(AuditRunner.Yield.FINDINGS);
            long count = e.getValue().path(discovery ? AuditRunner.Yield.FINDINGS : AuditRunner.Yield.VALID_FAILURES)
                    .asLong(0);
            double cost = phases.stream().filter(p -> p.name().equals(e.getKey())).mapToDouble(Phase::total).sum();
            yields.add(new Yield(e.getKey(), discovery ? "finding" : "valid failure", count, cost,
                    count == 0 ? Double.NaN : cost / count));
        }
        return new QueryCost(List.copyOf(models), prices, phases, yields);
    }

    /**
     * The {@code queries.json} of a run directory, or the file itself.
     *
     * @throws IllegalArgumentException when there is none (runs made before the file existed) or it is malformed
     */
    public static JsonNode read(Path runOrFile) {
        if (!Files.exists(runOrFile)) {
            throw new IllegalArgumentException("run directory not found: " + runOrFile);
        }
        Path file = Files.isDirectory(runOrFile) ? runOrFile.resolve(RunContents.QUERIES) : runOrFile;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run " + runOrFile + " has no " + RunContents.QUERIES
                    + " (audits write it since auditdm counts questions; run the audit again to count them)");
        }
        return RunContents.readJson(file, new TypeReference<JsonNode>() { });
    }

    /** A plain-text table: cost per phase and model, the total, and the cost per finding and valid failure. */
    public String text() {
        int d = decimals();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-36s", "cost (price per question x questions)"));
        for (String m : models) {
            sb.append(String.format(Locale.ROOT, " %14s", m));
        }
        sb.append(String.format(Locale.ROOT, " %14s%n", "all models"));
        sb.append(String.format(Locale.ROOT, "%-36s", "  price per question"));
        for (String m : models) {
            sb.append(String.format(Locale.ROOT, " %14s", prices.containsKey(m) ? money(prices.get(m), d) : "free"));
        }
        sb.append(System.lineSeparator());
        for (Phase p : phases) {
            sb.append(String.format(Locale.ROOT, "%-36s", "  " + p.name()));
            for (String m : models) {
                sb.append(String.format(Locale.ROOT, " %14s", money(p.costs().get(m), d)));
            }
            sb.append(String.format(Locale.ROOT, " %14s%n", money(p.total(), d)));
        }
        sb.append(String.format(Locale.ROOT, "%-36s", "  total"));
        for (String m : models) {
            double sum = phases.stream().mapToDouble(p -> p.costs().get(m)).sum();
            sb.append(String.format(Locale.ROOT, " %14s", money(sum, d)));
        }
        sb.append(String.format(Locale.ROOT, " %14s%n", money(total(), d)));
        for (Yield y : yields) {
            sb.append(String.format(Locale.ROOT, "%s: %d %ss for %s, %s per %s%n", y.phase(), y.count(), y.what(),
                    money(y.cost(), d), Double.isNaN(y.perItem()) ? "n/a" : money(y.perItem(), d), y.what()));
        }
        if (!unpriced().isEmpty()) {
            sb.append("not priced (counted as free): ").append(String.join(", ", unpriced())).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Decimals that show the smallest non-zero price with two significant digits (at least 2). */
    private int decimals() {
        double min = prices.values().stream().filter(v -> v > 0).min(Double::compare).orElse(1.0);
        return Math.max(2, Math.min(10, (int) Math.ceil(-Math.log10(min)) + 1));
    }

    private static String money(double v, int decimals) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
