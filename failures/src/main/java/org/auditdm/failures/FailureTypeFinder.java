package org.auditdm.failures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.auditdm.api.Finding;
import org.auditdm.world.bench.Accuracy;

/**
 * Findings to failure types: cluster, define and name each cluster, re-validate each definition on fresh
 * probes, keep as validated the types whose target failure rate (by consensus) is significantly above the
 * target's general rate (one-sided two-proportion z-test, Holm-corrected over the types tested), and merge
 * validated types whose fresh probes overlap heavily.
 */
public final class FailureTypeFinder {

    /**
     * @param maxClusters clusters cut from the tree; 0 chooses one per {@value #FINDINGS_PER_CLUSTER} findings
     * @param minFindings smallest number of findings a type needs
     * @param probesPerType fresh probes matching a definition to collect per type
     * @param budgetPerType most fresh requests evaluated per type
     * @param generalProbes fresh probes of the general distribution (the baseline)
     * @param alpha family-wise significance level
     * @param overlap share of each type's fresh probes the other must match for two types to merge
     * @param exemplars findings shown per type
     */
    public record Settings(int maxClusters, int minFindings, int probesPerType, int budgetPerType, int generalProbes,
                           double alpha, double overlap, int exemplars, long seed) {
        public Settings {
            if (maxClusters < 0 || minFindings < 1 || probesPerType < 1 || budgetPerType < probesPerType
                    || generalProbes < 1 || !(alpha > 0 && alpha < 1) || !(overlap > 0 && overlap <= 1)
                    || exemplars < 0) {
                throw new IllegalArgumentException("invalid failure-type settings: " + this);
            }
        }

        public static Settings defaults(long seed) {
            return new Settings(0, 2, 60, 480, 400, 0.05, 0.5, 4, seed);
        }
    }

    /** Progress of the long phases. */
    public interface Listener {
        default void clustered(int findings, int clusters, int candidates) {
        }

        default void validated(int done, int total) {
        }
    }

    static final int FINDINGS_PER_CLUSTER = 5;
    static final int MAX_CLUSTERS = 80;

    private final Revalidator revalidator;
    private final Clusterer clusterer;
    private final Settings settings;

    public FailureTypeFinder(Revalidator revalidator, TextEmbedder embedder, Settings settings) {
        this.revalidator = Objects.requireNonNull(revalidator, "revalidator");
        this.clusterer = new Clusterer(embedder);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A candidate type before re-validation. */
    private record Candidate(TypeDefinition definition, List<Observation> members) {
    }

    /** A candidate after re-validation. */
    private record Checked(Candidate candidate, Revalidator.Sample sample, double pValue) {
    }

    public FailureTypes find(String runId, String target, List<String> referenceNames, List<Finding> findings,
                             Listener listener) {
        List<Observation> observations = findings.stream().map(Observation::of)
                .sorted(Comparator.comparing(Observation::contentKey)).toList();
        int k = settings.maxClusters() > 0 ? settings.maxClusters()
                : Math.max(2, Math.min(MAX_CLUSTERS, observations.size() / FINDINGS_PER_CLUSTER));
        List<Candidate> candidates = candidates(clusterer.cluster(observations, k));
        listener.clustered(observations.size(), k, candidates.size());

        Revalidator.Sample general = revalidator.sample(null, settings.generalProbes(), settings.generalProbes(),
                settings.seed() ^ 0x9E3779B97F4A7C15L);
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Revalidator.Sample s = revalidator.sample(c.definition(), settings.probesPerType(),
                    settings.budgetPerType(), settings.seed() ^ c.definition().id().hashCode());
            checked.add(new Checked(c, s, pValue(s.validation().targetByConsensus(),
                    general.validation().targetByConsensus())));
            listener.validated(i + 1, candidates.size());
        }
        Map<String, Boolean> significant = holm(checked);
        List<FailureType> types = merge(checked, significant);
        types.sort(Comparator.comparing((FailureType t) -> !t.validated())
                .thenComparing(Comparator.comparingDouble(FailureType::severity).reversed())
                .thenComparing(FailureType::id));
        int clustered = types.stream().mapToInt(t -> t.findingIds().size()).sum();
        return new FailureTypes(runId, target, referenceNames, findings.size(), clustered, general.validation(),
                types, settings.seed());
    }

    /** One candidate per distinct definition: clusters with the same definition are pooled. */
    private List<Candidate> candidates(List<List<Observation>> clusters) {
        Map<String, TypeDefinition> defs = new TreeMap<>();
        Map<String, List<Observation>> members = new HashMap<>();
        for (List<Observation> cluster : clusters) {
            Namer.define(cluster).ifPresent(def -> {
                List<Observation> inType = cluster.stream().filter(o -> def.matches(o.facets())).toList();
                defs.put(def.id(), def);
                members.computeIfAbsent(def.id(), x -> new ArrayList<>()).addAll(inType);
            });
        }
        List<Candidate> out = new ArrayList<>();
        defs.forEach((id, def) -> {
            List<Observation> m = members.get(id).stream().sorted(Comparator.comparing(Observation::contentKey))
                    .toList();
            if (m.size() >= settings.minFindings()) {
                out.add(new Candidate(def, m));
            }
        });
        return out;
    }

    /** One-sided p-value that the type's failure rate exceeds the general rate (pooled two-proportion z-test). */
    static double pValue(Accuracy type, Accuracy general) {
        if (type.total() == 0 || general.total() == 0) {
            return 1;
        }
        double p1 = (double) type.correct() / type.total();
        double p2 = (double) general.correct() / general.total();
        double pooled = (double) (type.correct() + general.correct()) / (type.total() + general.total());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / type.total() + 1.0 / general.total()));
        if (se == 0) {
            return p1 > p2 ? 0 : 1;
        }
        return 1 - new NormalDistribution(null, 0, 1).cumulativeProbability((p1 - p2) / se);
    }

    /** Holm's step-down correction: which definitions are significant at the family-wise level alpha. */
    private Map<String, Boolean> holm(List<Checked> checked) {
        List<Checked> byP = checked.stream().sorted(Comparator.comparingDouble(Checked::pValue)
                .thenComparing(c -> c.candidate().definition().id())).toList();
        Map<String, Boolean> out = new HashMap<>();
        boolean stillRejecting = true;
        for (int i = 0; i < byP.size(); i++) {
            Checked c = byP.get(i);
            stillRejecting = stillRejecting && c.pValue() <= settings.alpha() / (byP.size() - i);
            out.put(c.candidate().definition().id(), stillRejecting);
        }
        return out;
    }

    /**
     * Validated types whose fresh probes mostly match each other's definitions are one type: the one with more
     * findings absorbs the other (its findings join, its id is listed in {@code mergedFrom}).
     */
    private List<FailureType> merge(List<Checked> checked, Map<String, Boolean> significant) {
        List<Checked> order = checked.stream().sorted(Comparator
                .comparing((Checked c) -> !significant.get(c.candidate().definition().id()))
                .thenComparing(Comparator.comparingInt((Checked c) -> c.candidate().members().size()).reversed())
                .thenComparing(c -> c.candidate().definition().id())).toList();
        Map<String, List<Checked>> absorbed = new LinkedHashMap<>();
        Map<String, Checked> keepers = new LinkedHashMap<>();
        for (Checked c : order) {
            String id = c.candidate().definition().id();
            boolean valid = significant.get(id);
            Checked into = null;
            if (valid) {
                for (Checked k : keepers.values()) {
                    if (significant.get(k.candidate().definition().id()) && overlapping(k, c)) {
                        into = k;
                        break;
                    }
                }
            }
            if (into == null) {
                keepers.put(id, c);
                absorbed.put(id, new ArrayList<>());
            } else {
                absorbed.get(into.candidate().definition().id()).add(c);
            }
        }
        List<FailureType> out = new ArrayList<>();
        keepers.forEach((id, k) -> out.add(type(k, absorbed.get(id), significant.get(id))));
        return out;
    }

    /**
     * Whether {@code b} adds nothing distinct to {@code a}: most of b's fresh probes are also a's kind
     * (b is a's kind, or a special case of it) and b's failure rate is not significantly higher than a's.
     * A special case that fails significantly more often stays a type of its own.
     */
    private boolean overlapping(Checked a, Checked b) {
        if (share(b.sample().matched(), a.candidate().definition()) < settings.overlap()) {
            return false;
        }
        return pValue(b.sample().validation().targetByConsensus(), a.sample().validation().targetByConsensus())
                > settings.alpha();
    }

    private static double share(List<Observation> fresh, TypeDefinition def) {
        if (fresh.isEmpty()) {
            return 0;
        }
        return (double) fresh.stream().filter(o -> def.matches(o.facets())).count() / fresh.size();
    }

    private FailureType type(Checked keeper, List<Checked> absorbed, boolean validated) {
        TypeDefinition def = keeper.candidate().definition();
        List<Observation> members = new ArrayList<>(keeper.candidate().members());
        absorbed.forEach(a -> members.addAll(a.candidate().members()));
        List<Observation> unique = members.stream().collect(Collectors.toMap(Observation::id, o -> o, (a, b) -> a,
                TreeMap::new)).values().stream().sorted(Comparator.comparing(Observation::contentKey)).toList();
        Validation v = keeper.sample().validation();
        Validation decided = new Validation(v.probes(), v.ensembleAgreement(), v.targetByConsensus(),
                v.targetByOracle(), v.referencesByOracle(), keeper.pValue(), validated);
        return new FailureType(def.id(), Namer.name(def, unique), Namer.describe(def, typical(unique)), def,
                unique.stream().map(Observation::id).sorted().toList(),
                typical(unique).stream().limit(settings.exemplars()).map(FailureTypeFinder::exemplar).toList(),
                decided, absorbed.stream().map(a -> a.candidate().definition().id()).sorted().toList());
    }

    /** Members ordered by how many facets they share with the others: the most typical first. */
    private static List<Observation> typical(List<Observation> members) {
        Map<Facet, Long> freq = members.stream().flatMap(o -> o.facets().stream())
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        return members.stream().sorted(Comparator
                .comparingLong((Observation o) -> -o.facets().stream().mapToLong(freq::get).sum())
                .thenComparing(Observation::contentKey)).toList();
    }

    private static Exemplar exemplar(Observation o) {
        return new Exemplar(o.id(), o.probe().seedImageSha(), o.probe().imageSha(), o.probe().mode(),
                o.probe().pairing(), o.probe().question(), o.imageText(), o.targetAnswer(), o.referenceAnswers(),
                o.consensus(), o.oracleAnswer());
    }
}
