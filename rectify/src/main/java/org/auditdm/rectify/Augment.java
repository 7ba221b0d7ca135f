package org.auditdm.rectify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;

/**
 * Augment: for each validated failure type, more probes of that type from a {@link TypeSampler},
 * labelled by the ensemble consensus they were judged with. The examples are split evenly over the
 * types (most severe first when the split is uneven); a type that falls short of its share leaves the
 * rest to the other types' agreed surplus.
 */
public final class Augment {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TypeSampler sampler;
    private final ConsensusLabeler labeler;
    private final long seed;

    public Augment(TypeSampler sampler, ConsensusLabeler labeler, long seed) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.labeler = Objects.requireNonNull(labeler, "labeler");
        this.seed = seed;
    }

    /** The run's failure types, if the failures step wrote them ({@code failure-types.json}). */
    public static Optional<FailureTypes> readTypes(Path runDir) {
        Path file = runDir.resolve(FailureTypes.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), FailureTypes.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read failure types " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * About {@code count} examples over the validated types. Each type is asked for twice its share
     * (not every probe gets an agreeing ensemble) and keeps up to its share; when some types fall short,
     * the shortfall goes to the agreed surplus of the others, taken in turn (most severe type first), so
     * the budget is filled from failure-type probes already labelled before bootstrap has to make up
     * the rest. No probe is asked twice and no extra model calls are made.
     */
    public List<RectificationExample> build(List<FailureType> types, int count, IntConsumer progress) {
        List<FailureType> validated = types.stream().filter(FailureType::validated).toList();
        List<RectificationExample> out = new ArrayList<>();
        if (validated.isEmpty() || count <= 0) {
            return out;
        }
        List<List<RectificationExample>> surplus = new ArrayList<>();
        for (int t = 0; t < validated.size(); t++) {
            FailureType type = validated.get(t);
            int share = count / validated.size() + (t < count % validated.size() ? 1 : 0);
            if (share == 0) {
                continue;
            }
            List<RectificationExample> made = labeler.label(sampler.sample(type, 2 * share, seed + t),
                    sampler.images(),
                    e -> new Provenance(Source.AUGMENT, e.seedId(), null, type.id(), null, e.text().text()),
                    "augment");
            int kept = Math.min(share, made.size());
            out.addAll(made.subList(0, kept));
            surplus.add(made.subList(kept, made.size()));
            progress.accept(out.size());
        }
        redistribute(out, surplus, count);
        progress.accept(out.size());
        return out;
    }

    /** Adds surplus examples, one per type in turn, until {@code out} holds {@code count} or none is left. */
    static <T> void redistribute(List<T> out, List<List<T>> surplus, int count) {
        int[] next = new int[surplus.size()];
        boolean added = true;
        while (out.size() < count && added) {
            added = false;
            for (int t = 0; t < surplus.size() && out.size() < count; t++) {
                if (next[t] < surplus.get(t).size()) {
                    out.add(surplus.get(t).get(next[t]++));
                    added = true;
                }
            }
        }
    }
}
