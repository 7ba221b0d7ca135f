package org.auditdm.failures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.WardLinkage;

/**
 * Groups observations by Ward-linkage hierarchical clustering (Smile) on features that join the
 * sentence embedding of their text with weighted one-hot facets (question family, attributes, edit
 * kind, answers). Inputs are sorted by content first, so the result does not depend on their order.
 */
public final class Clusterer {
    /** Weight of a facet's one-hot coordinate relative to the unit-length text embedding. */
    static final Map<String, Double> WEIGHTS = Map.of("family", 1.0, "edit", 0.7, "consensus", 0.7,
            "mode", 0.5, "target", 0.5, "error", 0.7);
    static final double DEFAULT_WEIGHT = 0.4;

    private final TextEmbedder embedder;

    public Clusterer(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Partitions into at most {@code k} clusters, each sorted by content, the list sorted by size (largest
     * first) and then by first member.
     */
    public List<List<Observation>> cluster(List<Observation> observations, int k) {
        List<Observation> sorted = observations.stream().sorted(Comparator.comparing(Observation::contentKey)).toList();
        if (sorted.size() <= 1 || k <= 1) {
            return sorted.isEmpty() ? List.of() : List.of(sorted);
        }
        double[][] x = features(sorted);
        HierarchicalClustering hc = HierarchicalClustering.fit(WardLinkage.of(x));
        int[] labels = hc.partition(Math.min(k, sorted.size()));
        Map<Integer, List<Observation>> groups = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            groups.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(sorted.get(i));
        }
        List<List<Observation>> out = new ArrayList<>(groups.values());
        out.sort(Comparator.<List<Observation>>comparingInt(List::size).reversed()
                .thenComparing(g -> g.get(0).contentKey()));
        return out;
    }

    /** Embedding then facet coordinates, in a fixed facet order. */
    double[][] features(List<Observation> sorted) {
        List<float[]> emb = embedder.embed(sorted.stream().map(Observation::text).toList());
        TreeSet<Facet> vocabulary = new TreeSet<>();
        sorted.forEach(o -> vocabulary.addAll(o.facets()));
        List<Facet> facets = new ArrayList<>(vocabulary);
        Map<Facet, Integer> index = new TreeMap<>();
        for (int i = 0; i < facets.size(); i++) {
            index.put(facets.get(i), i);
        }
        int d = emb.get(0).length;
        double[][] x = new double[sorted.size()][d + facets.size()];
        for (int i = 0; i < sorted.size(); i++) {
            float[] e = emb.get(i);
            for (int j = 0; j < d; j++) {
                x[i][j] = e[j];
            }
            for (Facet f : sorted.get(i).facets()) {
                x[i][d + index.get(f)] = WEIGHTS.getOrDefault(f.key(), DEFAULT_WEIGHT);
            }
        }
        return x;
    }
}
