package org.auditdm.audit.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.auditdm.api.Auditor;
import org.auditdm.api.Finding;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.world.sample.Seed;
import org.auditdm.zoo.train.ZooTraining;

/**
 * Discovery: an auditor writes texts for every seed, they are evaluated, and disagreements with an
 * agreeing reference ensemble are kept as findings in the run directory.
 *
 * <p>The unit of work is one seed. Its randomness depends only on the run seed and its index, its
 * events are committed by one {@link RunEvent.SeedProcessed} line, and a resumed run skips the seeds
 * already committed: an interrupted and resumed run finds exactly what an uninterrupted one finds
 * (given a deterministic auditor and deterministic models).
 */
public final class Discovery {
    private final Auditor auditor;
    private final Evaluator evaluator;
    private final RunDirectory run;
    private final DiscoverySettings settings;

    /**
     * @param evaluator must store its images in {@code run}'s image store, so findings point at images
     *     that exist
     */
    public Discovery(Auditor auditor, Evaluator evaluator, RunDirectory run, DiscoverySettings settings) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.run = Objects.requireNonNull(run, "run");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (evaluator.builder().images() != run.images()) {
            throw new IllegalArgumentException("the evaluator's probe builder must store images in the run directory");
        }
    }

    /** Processes every seed not yet committed and returns all the run's findings, in seed order. */
    public List<Finding> run(SeedSource seeds, DiscoveryListener listener) {
        Set<Integer> done = new HashSet<>();
        Totals totals = new Totals();
        boolean completed = false;
        for (RunEvent e : run.committedEvents()) {
            if (e instanceof RunEvent.SeedProcessed s) {
                done.add(s.unit());
                totals.add(s);
            } else if (e instanceof RunEvent.RunCompleted) {
                completed = true;
            }
        }
        int findingNumber = run.findings().size();
        for (int i = 0; i < seeds.size(); i++) {
            if (done.contains(i)) {
                continue;
            }
            RunEvent.SeedProcessed s = process(i, seeds.get(i), findingNumber);
            findingNumber += s.findings();
            totals.add(s);
            done.add(i);
            listener.seedDone(totals.progress(done.size(), seeds.size()));
        }
        if (!completed) {
            run.append(new RunEvent.RunCompleted(run.clock().instant().toString(), done.size(), totals.probes,
                    totals.findings));
        }
        run.rewriteFindings();
        return run.findings();
    }

    /**
     * What an auditor writes for one seed: {@link DiscoverySettings#allocate} texts per mode and, with
     * {@link DiscoverySettings#pairNewQuestionWithNewImage()}, for each edit or caption one question written
     * for the new image it makes (an edit or caption that makes none still counts, as an invalid pair, so
     * every auditor gets the same number of probes). Deterministic in {@code rng}.
     */
    public static List<ProbeRequest> plan(Auditor auditor, ProbeBuilder builder, Seed seed, DiscoverySettings settings,
                                          SplittableRandom rng) {
        Map<ProbeMode, Integer> counts = settings.allocate(rng);
        Picture image = builder.seedImage(seed);
        List<ProbeText> imageTexts = new ArrayList<>();
        List<ProbeRequest> requests = new ArrayList<>();
        for (ProbeMode mode : ProbeMode.values()) {
            long proposeSeed = rng.nextLong(); // drawn for every mode, so one mode's count never shifts another's seed
            int n = counts.get(mode);
            if (n == 0) {
                continue;
            }
            for (ProbeText t : auditor.propose(image, seed.question(), mode, n, proposeSeed)) {
                requests.add(ProbeRequest.of(seed, t));
                if (t.mode() != ProbeMode.QUESTION) {
                    imageTexts.add(t);
                }
            }
        }
        long pairSeed = rng.nextLong();
        if (settings.pairNewQuestionWithNewImage()) {
            for (int k = 0; k < imageTexts.size(); k++) {
                ProbeText t = imageTexts.get(k);
                Optional<Picture> made = builder.counterfactual(seed, t);
                ProbeText question = made.isEmpty() ? ProbeText.of(ProbeMode.QUESTION, "")
                        : auditor.propose(made.get(), seed.question(), ProbeMode.QUESTION, 1,
                                pairSeed + k * 0x9E3779B97F4A7C15L).get(0);
                requests.add(ProbeRequest.paired(seed, question, t));
            }
        }
        return requests;
    }

    private RunEvent.SeedProcessed process(int unit, Seed seed, int firstFinding) {
        SplittableRandom rng = ZooTraining.stepRandom(settings.seed(), unit);
        List<ProbeRequest> requests = plan(auditor, evaluator.builder(), seed, settings, rng);
        List<Evaluated> evaluated = evaluator.evaluate(requests);
        int valid = 0;
        int invalid = 0;
        int errors = 0;
        int findings = 0;
        for (int k = 0; k < evaluated.size(); k++) {
            Evaluated e = evaluated.get(k);
            run.append(new RunEvent.ProbeEvaluated(unit, k, e));
            switch (e.status()) {
                case VALID -> valid++;
                case INVALID -> invalid++;
                case ERROR -> errors++;
                default -> throw new IllegalStateException();
            }
            if (e.isFinding()) {
                String id = String.format(Locale.ROOT, "f-%06d", firstFinding + findings);
                String oracle = e.oracle() != null && e.oracle().isAnswer() ? e.oracle().answer() : null;
                run.append(new RunEvent.FindingRecorded(unit,
                        new Finding(id, e.probe(), e.targetAnswer(), e.consensus(), oracle)));
                findings++;
            }
        }
        RunEvent.SeedProcessed commit = new RunEvent.SeedProcessed(unit, seed.id(), evaluated.size(), valid, invalid,
                errors, findings, findings);
        run.append(commit);
        return commit;
    }

    private static final class Totals {
        int probes;
        int valid;
        int invalid;
        int errors;
        int findings;
        int rewardSum;

        void add(RunEvent.SeedProcessed s) {
            probes += s.probes();
            valid += s.valid();
            invalid += s.invalid();
            errors += s.errors();
            findings += s.findings();
            rewardSum += s.rewardSum();
        }

        DiscoveryProgress progress(int done, int total) {
            int judged = valid + invalid;
            return new DiscoveryProgress(done, total, probes, valid, invalid, errors, findings,
                    judged == 0 ? Double.NaN : (double) rewardSum / judged);
        }
    }
}
