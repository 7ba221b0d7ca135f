package org.auditdm.rectify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.RunJson;
import org.auditdm.audit.run.SeedSource;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.ImagePool;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.zoo.train.ZooTraining;

/**
 * Bootstrap: auditor checkpoints write new questions (and edits that make new images) for images,
 * the target and the reference ensemble answer, and the {@link ConsensusLabeler} keeps the pairs the
 * ensemble agrees on. On the unlabelled image pool ({@link #pool}) this is the bootstrap
 * strategy; on audit seeds with a disagreements-only labeler it collects an auditor's findings (the
 * base-auditor control).
 *
 * <p>Images are visited in order and each auditor writes {@link Options#questionsPerImage()} questions
 * and {@link Options#editsPerImage()} edits per image (an edit asks the image's prompt question about
 * the edited image), until enough examples are labelled or the images run out. Deterministic for a
 * given seed, auditors and models.
 */
public final class Bootstrap {
    /**
     * @param questionsPerImage questions each auditor writes per image
     * @param editsPerImage edit commands each auditor writes per image
     * @param imagesPerBatch images evaluated together (one batched call per model)
     * @param seed fixes the auditors' sampling and the edits' randomness
     * @param familyMix how the kept examples' question families are weighted ({@link FamilyMix})
     * @param oversample label this many times the examples asked for, then keep the asked number by
     *     {@code familyMix} (1: keep the first ones, in the auditors' own mix)
     */
    public record Options(int questionsPerImage, int editsPerImage, int imagesPerBatch, long seed,
                          FamilyMix.Weighting familyMix, int oversample) {
        /** 4 questions and 2 edits per image and auditor, 32 images per batch, the auditors' own mix. */
        public static Options defaults(long seed) {
            return new Options(4, 2, 32, seed);
        }

        /** Keeps the auditors' own mix of families. */
        public Options(int questionsPerImage, int editsPerImage, int imagesPerBatch, long seed) {
            this(questionsPerImage, editsPerImage, imagesPerBatch, seed, FamilyMix.Weighting.AS_FOUND, 1);
        }

        public Options withFamilyMix(FamilyMix.Weighting mix, int times) {
            return new Options(questionsPerImage, editsPerImage, imagesPerBatch, seed, mix, times);
        }

        public Options {
            if (questionsPerImage < 0 || editsPerImage < 0 || questionsPerImage + editsPerImage == 0) {
                throw new IllegalArgumentException("need a non-negative number of questions and edits per image, "
                        + "not both zero; got " + questionsPerImage + " and " + editsPerImage);
            }
            if (imagesPerBatch < 1) {
                throw new IllegalArgumentException("imagesPerBatch must be positive, got " + imagesPerBatch);
            }
            Objects.requireNonNull(familyMix, "familyMix");
            if (oversample < 1) {
                throw new IllegalArgumentException("oversample must be at least 1, got " + oversample);
            }
        }
    }

    private final List<? extends Auditor> auditors;
    private final Judging judging;
    private final ConsensusLabeler labeler;
    private final Options options;
    private final Source source;
    private int imagesUsed;
    private int probes;
    private Map<String, Double> weights = Map.of();

    /**
     * @param auditors the checkpoints that write texts (for example the base and the RL auditor)
     * @param judging asks the target and the reference ensemble
     * @param labeler turns judged probes into examples (its filter decides which)
     * @param source recorded in each example's provenance
     */
    public Bootstrap(List<? extends Auditor> auditors, Judging judging, ConsensusLabeler labeler, Options options,
                     Source source) {
        if (auditors.isEmpty()) {
            throw new IllegalArgumentException("bootstrap needs at least one auditor");
        }
        this.auditors = List.copyOf(auditors);
        this.judging = Objects.requireNonNull(judging, "judging");
        this.labeler = Objects.requireNonNull(labeler, "labeler");
        this.options = Objects.requireNonNull(options, "options");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Images {@code from .. from+count-1} of the unlabelled {@link ImagePool}, each with a prompt question
     * for the auditor: the question text of the {@link SeedPool} seed of the same index (a question about
     * another scene, used only as the auditor's context; its answer is not read).
     */
    public static SeedSource pool(long poolSeed, int from, int count) {
        ImagePool images = new ImagePool(poolSeed);
        SeedPool prompts = new SeedPool(poolSeed ^ 0x9A7E_50A1L);
        return new SeedSource() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public Seed get(int i) {
                if (i < 0 || i >= count) {
                    throw new IndexOutOfBoundsException("pool image " + i + " outside [0, " + count + ")");
                }
                int index = from + i;
                return new Seed(String.format(Locale.ROOT, "pool-%06d", index), images.get(index),
                        prompts.get(index).question(), null);
            }

            @Override
            public JsonNode describe() {
                ObjectNode n = RunJson.mapper().createObjectNode();
                n.put("source", "image-pool");
                n.put("poolSeed", poolSeed);
                n.put("from", from);
                n.put("count", count);
                return n;
            }
        };
    }

    /** Images visited so far. */
    public int imagesUsed() {
        return imagesUsed;
    }

    /** Valid and invalid probes evaluated so far. */
    public int probes() {
        return probes;
    }

    /**
     * Labels examples until {@code count} are made (times {@link Options#oversample()}, then
     * {@link FamilyMix#select selected} by {@link Options#familyMix()}) or the images run out.
     *
     * @param progress receives the number of examples made so far (up to {@code count * oversample})
     */
    public List<RectificationExample> build(SeedSource images, int count, String idPrefix, IntConsumer progress) {
        if (options.oversample() == 1 && options.familyMix() == FamilyMix.Weighting.AS_FOUND) {
            return label(images, count, idPrefix, progress);
        }
        List<RectificationExample> candidates = label(images, (int) Math.min(Integer.MAX_VALUE,
                (long) count * options.oversample()), idPrefix, progress);
        weights = FamilyMix.weights(candidates, options.familyMix(), judging.ensemble().judge());
        return FamilyMix.select(candidates, count, weights);
    }

    /** The family weights of the last {@link #build} that selected by family (empty before). */
    public Map<String, Double> familyWeights() {
        return Map.copyOf(weights);
    }

    private List<RectificationExample> label(SeedSource images, int count, String idPrefix, IntConsumer progress) {
        List<RectificationExample> out = new ArrayList<>();
        int next = 0;
        while (out.size() < count && next < images.size()) {
            int end = Math.min(images.size(), next + options.imagesPerBatch());
            MemoryImageStore store = new MemoryImageStore(); // per batch: examples keep their pictures
            Evaluator evaluator = new Evaluator(new ProbeBuilder(store, Renderer.DEFAULT_SIDE, options.seed()), judging);
            List<ProbeRequest> requests = new ArrayList<>();
            List<String> writer = new ArrayList<>();
            for (int i = next; i < end; i++) {
                Seed seed = images.get(i);
                Picture image = evaluator.builder().seedImage(seed);
                SplittableRandom rng = ZooTraining.stepRandom(options.seed(), i);
                for (Auditor a : auditors) {
                    long qSeed = rng.nextLong();
                    long eSeed = rng.nextLong();
                    for (ProbeText t : a.propose(image, seed.question(), ProbeMode.QUESTION,
                            options.questionsPerImage(), qSeed)) {
                        requests.add(ProbeRequest.of(seed, t));
                        writer.add(a.id());
                    }
                    for (ProbeText t : a.propose(image, seed.question(), ProbeMode.EDIT, options.editsPerImage(), eSeed)) {
                        requests.add(ProbeRequest.of(seed, t));
                        writer.add(a.id());
                    }
                }
            }
            List<Evaluated> evaluated = evaluator.evaluate(requests);
            probes += evaluated.size();
            imagesUsed += end - next;
            List<Evaluated> valid = new ArrayList<>();
            List<String> validWriter = new ArrayList<>();
            for (int k = 0; k < evaluated.size(); k++) {
                if (evaluated.get(k).status() != Evaluated.Status.INVALID) {
                    valid.add(evaluated.get(k));
                    validWriter.add(writer.get(k));
                }
            }
            IdentityHashMap<Evaluated, String> by = new IdentityHashMap<>();
            for (int k = 0; k < valid.size(); k++) {
                by.put(valid.get(k), validWriter.get(k));
            }
            List<RectificationExample> made = labeler.label(valid, store, e -> new Provenance(source,
                    e.seedId(), by.get(e), null, null, e.text().text()), idPrefix);
            for (RectificationExample x : made) {
                if (out.size() < count) {
                    out.add(x);
                }
            }
            progress.accept(out.size());
            next = end;
        }
        return out;
    }
}
