package org.auditdm.rectify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.auditdm.api.Auditor;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.RunManifest;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.SeedSource;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.FailureTypes;
import org.auditdm.zoo.train.TrainingSource;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * Builds the three data sets of the rectification study from one audit run, at the same size:
 *
 * <ul>
 *   <li><b>auditdm</b>: the run's findings (re-asked to the ensemble, up to {@link Recipe#findingsShare()}
 *       of the size), fresh probes of each validated failure type (augment, up to
 *       {@link Recipe#augmentShare()}, when failure types and a {@link TypeSampler} exist), and bootstrap
 *       on the unlabelled image pool with the base and the RL auditor for the rest;
 *   <li><b>base-auditor</b> control: the base auditor's own findings on the run's seeds, then bootstrap
 *       on the same pool images with the base auditor only (same filter): what prompting alone gives;
 *   <li><b>random</b> control: samples of the training distribution with true labels (pure data scaling).
 * </ul>
 *
 * Labels of the first two come only from the reference ensemble.
 */
public final class DataBuilder {
    /**
     * Data options.
     *
     * @param size examples per data set
     * @param filter which agreed pairs become examples (findings re-asked, augment, bootstrap)
     * @param findingsShare at most this share of the size comes from findings
     * @param augmentShare at most this share comes from augment
     * @param bootstrap how auditors are sampled on images
     * @param poolSeed the unlabelled image pool
     * @param maxPoolImages pool images bootstrap may visit
     * @param seed fixes sampling
     */
    public record Recipe(int size, LabelFilter filter, double findingsShare, double augmentShare,
                         Bootstrap.Options bootstrap, long poolSeed, int maxPoolImages, long seed) {
        /**
         * Findings up to a quarter, augment up to a half, bootstrap the rest; agreed pairs every member gives at
         * least 0.7 (the audit's reward rule), pool 7.
         */
        public static Recipe defaults(int size, long seed) {
            return new Recipe(size, new LabelFilter(false, 8, 0.7), 0.25, 0.5, Bootstrap.Options.defaults(seed), 7L,
                    Math.max(500, size), seed);
        }

        public Recipe {
            if (size < 1) {
                throw new IllegalArgumentException("data size must be positive, got " + size);
            }
            if (!(findingsShare >= 0 && findingsShare <= 1 && augmentShare >= 0 && augmentShare <= 1)) {
                throw new IllegalArgumentException("findings and augment shares must be in [0, 1]");
            }
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(bootstrap, "bootstrap");
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("size", size);
            m.put("onlyTargetDisagreements", filter.onlyTargetDisagreements());
            m.put("maxPerImage", filter.maxPerImage());
            m.put("minConfidence", filter.minConfidence());
            m.put("findingsShare", findingsShare);
            m.put("augmentShare", augmentShare);
            m.put("questionsPerImage", bootstrap.questionsPerImage());
            m.put("editsPerImage", bootstrap.editsPerImage());
            m.put("familyMix", bootstrap.familyMix().cliName());
            m.put("oversample", bootstrap.oversample());
            m.put("poolSeed", poolSeed);
            m.put("maxPoolImages", maxPoolImages);
            m.put("seed", seed);
            return m;
        }
    }

    private final Path runDir;
    private final Judging judging;
    private final AnswerVocabulary vocabulary;
    private final Recipe recipe;

    /**
     * @param judging the target and the reference ensemble that label the data
     * @param vocabulary the target's closed answer vocabulary
     */
    public DataBuilder(Path runDir, Judging judging, AnswerVocabulary vocabulary, Recipe recipe) {
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        this.judging = Objects.requireNonNull(judging, "judging");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    public Recipe recipe() {
        return recipe;
    }

    /** The ids of the reference models whose consensus labels the data (provenance). */
    private List<String> labelledBy() {
        return judging.ensemble().members().stream().map(VisionLanguageModel::id).toList();
    }

    private ConsensusLabeler labeler(LabelFilter filter) {
        ReferenceEnsemble e = judging.ensemble();
        return new ConsensusLabeler(e, judging.target(), vocabulary, filter);
    }

    /**
     * The auditdm data set.
     *
     * @param auditors the checkpoints bootstrap samples (base and RL)
     * @param sampler fresh probes of a failure type, or null when the failures step is not available
     */
    public DataSet auditdm(List<? extends Auditor> auditors, TypeSampler sampler, StudyListener listener) {
        ConsensusLabeler labeler = labeler(recipe.filter());
        StudyListener.Phase p = listener.begin("auditdm data", recipe.size());
        List<RectificationExample> findings = FindingsData.build(runDir, labeler,
                (int) Math.floor(recipe.findingsShare() * recipe.size()));
        p.update(findings.size(), "findings");
        List<RectificationExample> augment = List.of();
        Optional<FailureTypes> types = Augment.readTypes(runDir);
        String augmentNote;
        if (sampler == null) {
            augmentNote = "skipped: no failure-type sampler available";
        } else if (types.isEmpty()) {
            augmentNote = "skipped: the run has no " + FailureTypes.FILE;
        } else {
            List<FailureType> validated = types.get().validated();
            augment = new Augment(sampler, labeler, recipe.seed()).build(validated,
                    (int) Math.floor(recipe.augmentShare() * recipe.size()), n -> { });
            augmentNote = validated.size() + " validated types";
        }
        int before = findings.size() + augment.size();
        p.update(before, "augment");
        Bootstrap bootstrap = new Bootstrap(auditors, judging, labeler, recipe.bootstrap(), Source.BOOTSTRAP);
        int times = recipe.bootstrap().oversample(); // candidates labelled per example kept
        List<RectificationExample> boot = bootstrap.build(Bootstrap.pool(recipe.poolSeed(), 0, recipe.maxPoolImages()),
                recipe.size() - before, "bootstrap", n -> p.update(before + n / times, "bootstrap"));
        p.done();
        Map<String, Object> d = recipe.describe();
        d.put("auditors", auditors.stream().map(Auditor::id).toList());
        d.put("labelledBy", labelledBy());
        d.put("augment", augmentNote);
        d.put("bootstrapImages", bootstrap.imagesUsed());
        d.put("bootstrapProbes", bootstrap.probes());
        d.put("bootstrapFamilyWeights", bootstrap.familyWeights());
        d.put("labels", labeler.stats());
        d.put("labelsByFamily", labeler.statsByFamily());
        return DataSet.compose("auditdm", d, List.of(findings, augment, boot), recipe.size());
    }

    /** The base-auditor control: its findings on the run's seeds, then bootstrap with it alone. */
    public DataSet baseAuditor(Auditor base, StudyListener listener) {
        StudyListener.Phase p = listener.begin("base-auditor data", recipe.size());
        RunManifest manifest = RunDirectory.readManifest(runDir);
        SeedSource seeds = seedsOf(manifest);
        ConsensusLabeler findingLabeler = labeler(recipe.filter().withOnlyTargetDisagreements(true));
        Bootstrap onSeeds = new Bootstrap(List.of(base), judging, findingLabeler, recipe.bootstrap(),
                Source.SEED_FINDING);
        List<RectificationExample> findings = onSeeds.build(seeds,
                (int) Math.floor(recipe.findingsShare() * recipe.size()), "seed-finding", n -> p.update(n, "findings"));
        ConsensusLabeler labeler = labeler(recipe.filter());
        Bootstrap bootstrap = new Bootstrap(List.of(base), judging, labeler, recipe.bootstrap(), Source.BOOTSTRAP);
        int times = recipe.bootstrap().oversample(); // candidates labelled per example kept
        int before = findings.size();
        List<RectificationExample> boot = bootstrap.build(Bootstrap.pool(recipe.poolSeed(), 0, recipe.maxPoolImages()),
                recipe.size() - before, "bootstrap", n -> p.update(before + n / times, "bootstrap"));
        p.done();
        Map<String, Object> d = recipe.describe();
        d.put("auditors", List.of(base.id()));
        d.put("labelledBy", labelledBy());
        d.put("seedFindingLabels", findingLabeler.stats());
        d.put("bootstrapImages", bootstrap.imagesUsed());
        d.put("bootstrapProbes", bootstrap.probes());
        d.put("bootstrapFamilyWeights", bootstrap.familyWeights());
        d.put("labels", labeler.stats());
        d.put("labelsByFamily", labeler.statsByFamily());
        return DataSet.compose("base-auditor", d, List.of(findings, boot), recipe.size());
    }

    /** The data-scaling control: training-distribution samples with true labels. */
    public DataSet random(TrainingSource training, int size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("size", size);
        d.put("source", training.name());
        d.put("labels", "true labels of the training distribution");
        d.put("seed", recipe.seed());
        return DataSet.compose("random", d, List.of(TrainingSample.draw(training, size, recipe.seed())), size);
    }

    /** The seeds the run audited, from its manifest (a seed pool range). */
    static SeedSource seedsOf(RunManifest manifest) {
        var s = manifest.seeds();
        if (s == null || !"pool".equals(s.path("source").asText())) {
            throw new IllegalArgumentException("run " + manifest.runId() + " did not audit seeds of a seed pool; "
                    + "the base-auditor control needs them");
        }
        return SeedSource.pool(s.path("poolSeed").asLong(), s.path("from").asInt(), s.path("count").asInt());
    }

    /** Keeps the first {@code n} examples (renumbered). */
    public static DataSet truncate(DataSet d, int n) {
        return DataSet.compose(d.name(), d.recipe(), List.of(new ArrayList<>(d.examples())), n);
    }
}
