package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Consensus;
import org.auditdm.api.Finding;
import org.auditdm.api.ImageStore;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Pairing;
import org.auditdm.api.Picture;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.run.CallPolicy;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.FileImageStore;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.audit.run.RunJson;
import org.auditdm.audit.run.SeedSource;
import org.auditdm.failures.Facet;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.TypeDefinition;
import org.auditdm.failures.Validation;
import org.auditdm.world.bench.Accuracy;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.zoo.train.WorldSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildersTest {
    private static final Map<ProbeMode, List<String>> TEXTS = Map.of(
            ProbeMode.QUESTION, List.of("how many objects are there?", "how many circles are there?",
                    "is there a red object?", "what colour is the largest object?"),
            ProbeMode.EDIT, List.of("add a red circle", "add two blue squares"));

    private static Judging judging(Doubles.Scripted target, Doubles.Scripted... members) {
        return new Judging(target, Doubles.ensemble(members), new ModelCaller(CallPolicy.defaults()));
    }

    @Test
    void bootstrapLabelsPoolProbesWithTheEnsembleWhileTheRealOracleOnlyFillsTheMeasurementField() {
        // The ensemble double answers "2" to everything; the real oracle answers each question on its scene.
        Doubles.Scripted m = Doubles.constant("m", "2");
        Doubles.Scripted l = Doubles.constant("l", "2");
        Doubles.Scripted s = Doubles.constant("s", "1");
        Judging j = judging(s, m, l);
        ConsensusLabeler labeler = new ConsensusLabeler(j.ensemble(), s, WorldSource.answerVocabulary(),
                new LabelFilter(false, 0, 0, false));
        Bootstrap b = new Bootstrap(List.of(Doubles.fixed("auditor:a", TEXTS), Doubles.fixed("auditor:b", TEXTS)), j,
                labeler, new Bootstrap.Options(3, 1, 4, 5), Source.BOOTSTRAP);
        List<RectificationExample> out = b.build(Bootstrap.pool(11, 0, 50), 30, "boot", n -> { });
        assertThat(out).hasSize(30);
        assertThat(out).extracting(RectificationExample::label).containsOnly("2");
        assertThat(out).extracting(e -> e.provenance().source()).containsOnly(Source.BOOTSTRAP);
        assertThat(out).extracting(e -> e.provenance().auditor()).contains("auditor:a", "auditor:b");
        assertThat(out).allMatch(e -> e.provenance().seedId().startsWith("pool-"));
        // The oracle disagrees with the constant ensemble on some probes: labels still follow the ensemble.
        Accuracy err = PseudoLabelError.of(out, new NormalizingJudge());
        assertThat(err.total()).isPositive();
        assertThat(err.correct()).isPositive();
        assertThat(out).anyMatch(e -> e.oracleAnswer() != null && !e.oracleAnswer().equals("2"));
        // Same seed, same data.
        ConsensusLabeler again = new ConsensusLabeler(j.ensemble(), s, WorldSource.answerVocabulary(),
                new LabelFilter(false, 0, 0, false));
        List<RectificationExample> twice = new Bootstrap(List.of(Doubles.fixed("auditor:a", TEXTS),
                Doubles.fixed("auditor:b", TEXTS)), j, again, new Bootstrap.Options(3, 1, 4, 5), Source.BOOTSTRAP)
                .build(Bootstrap.pool(11, 0, 50), 30, "boot", n -> { });
        assertThat(twice).extracting(e -> e.imageSha() + e.question())
                .isEqualTo(out.stream().map(e -> e.imageSha() + e.question()).toList());
    }

    @Test
    void bootstrapStopsWhenTheImagesRunOutAndFindsNothingWhenMembersDisagree() {
        Doubles.Scripted m = Doubles.constant("m", "2");
        Doubles.Scripted l = Doubles.constant("l", "3");
        Doubles.Scripted s = Doubles.constant("s", "2");
        Judging j = judging(s, m, l);
        ConsensusLabeler labeler = new ConsensusLabeler(j.ensemble(), s, WorldSource.answerVocabulary(),
                LabelFilter.AGREED.withCheckPresuppositions(false));
        Bootstrap b = new Bootstrap(List.of(Doubles.fixed("auditor:a", TEXTS)), j, labeler,
                new Bootstrap.Options(2, 0, 8, 1), Source.BOOTSTRAP);
        assertThat(b.build(Bootstrap.pool(11, 0, 10), 100, "x", n -> { })).isEmpty();
        assertThat(b.imagesUsed()).isEqualTo(10);
        assertThat(b.probes()).isEqualTo(20);
        // Texts that make no probe (a question the parser rejects) never reach the labeler.
        assertThat(labeler.stats().seen()).isPositive().isEqualTo(labeler.stats().disagreed());
    }

    @Test
    void seedFindingsKeepOnlyTargetDisagreements() {
        Doubles.Scripted m = new Doubles.Scripted("m", q -> q.startsWith("is") ? "yes" : "4");
        Doubles.Scripted l = new Doubles.Scripted("l", q -> q.startsWith("is") ? "yes" : "4");
        Doubles.Scripted s = new Doubles.Scripted("s", q -> q.startsWith("is") ? "yes" : "5");
        Judging j = judging(s, m, l);
        ConsensusLabeler labeler = new ConsensusLabeler(j.ensemble(), s, WorldSource.answerVocabulary(),
                LabelFilter.DISAGREEMENTS.withCheckPresuppositions(false));
        List<RectificationExample> out = new Bootstrap(List.of(Doubles.fixed("auditor:base", TEXTS)), j, labeler,
                new Bootstrap.Options(4, 0, 8, 2), Source.SEED_FINDING).build(SeedSource.pool(2025, 0, 6), 100, "f",
                n -> { });
        assertThat(out).isNotEmpty().extracting(RectificationExample::label).containsOnly("4");
        assertThat(out).extracting(RectificationExample::targetAnswer).containsOnly("5");
        assertThat(labeler.stats().targetAlreadyAgrees()).isPositive();
    }

    @Test
    void augmentLabelsEachValidatedTypesProbesFromTheirConsensusNotTheirOracle() {
        TypeSampler sampler = sampler(name -> i -> i % 2 == 0);
        List<FailureType> types = List.of(type("a", true), type("b", true), type("c", false));
        List<RectificationExample> out = new Augment(sampler, agreedLabeler(), 1).build(types, 6, n -> { });
        assertThat(out).hasSize(6);
        assertThat(out).extracting(RectificationExample::label).containsOnly("red");
        assertThat(out).extracting(RectificationExample::oracleAnswer).containsOnly("green");
        assertThat(out).extracting(e -> e.provenance().typeId())
                .containsOnly(type("a", true).id(), type("b", true).id());
        assertThat(PseudoLabelError.of(out, new NormalizingJudge()).rate()).isEqualTo(1.0);
    }

    @Test
    void augmentHandsATypesShortfallToTheOtherTypesAgreedSurplus() {
        // Type b's probes never get an agreeing ensemble; a's are all agreed, so a's surplus fills b's share.
        TypeSampler sampler = sampler(name -> i -> name.equals("a"));
        List<FailureType> types = List.of(type("a", true), type("b", true));
        List<RectificationExample> out = new Augment(sampler, agreedLabeler(), 1).build(types, 6, n -> { });
        assertThat(out).hasSize(6).extracting(e -> e.provenance().typeId()).containsOnly(type("a", true).id());
        assertThat(out).extracting(e -> e.provenance().seedId()).doesNotHaveDuplicates();
    }

    @Test
    void augmentNeverExceedsItsBudgetNorInventsExamples() {
        TypeSampler sampler = sampler(name -> i -> name.equals("a") && i < 4);
        List<FailureType> types = List.of(type("a", true), type("b", true));
        assertThat(new Augment(sampler, agreedLabeler(), 1).build(types, 6, n -> { })).hasSize(4);
        assertThat(new Augment(sampler(name -> i -> true), agreedLabeler(), 1).build(types, 5, n -> { })).hasSize(5);
    }

    @Test
    void redistributeTakesSurplusInTurnUntilTheBudgetIsFull() {
        List<String> out = new ArrayList<>(List.of("a0"));
        Augment.redistribute(out, List.of(List.of("a1", "a2", "a3"), List.of(), List.of("c1")), 4);
        assertThat(out).containsExactly("a0", "a1", "c1", "a2");
    }

    private static ConsensusLabeler agreedLabeler() {
        return new ConsensusLabeler(Doubles.ensemble(Doubles.constant("m", "x"), Doubles.constant("l", "x")), null,
                WorldSource.answerVocabulary(), LabelFilter.AGREED.withCheckPresuppositions(false));
    }

    /** A test double: probe i of a type is agreed ("red") when {@code agreed.apply(typeName).test(i)}. */
    private static TypeSampler sampler(java.util.function.Function<String, java.util.function.IntPredicate> agreed) {
        MemoryImageStore store = new MemoryImageStore();
        return new TypeSampler() {
            @Override
            public List<Evaluated> sample(FailureType type, int count, long seed) {
                List<Evaluated> out = new ArrayList<>();
                int offset = 100 * (type.name().charAt(0) - 'a');
                for (int i = 0; i < count; i++) {
                    Picture p = Doubles.picture(100 + offset + i);
                    store.put(p);
                    String q = "what colour is the circle?";
                    String seedId = "seed-" + type.name() + "-" + i;
                    Probe probe = new Probe(seedId, ProbeMode.QUESTION, q, Pairing.NEW_QUESTION_ORIGINAL_IMAGE, q,
                            p.sha256(), p.sha256());
                    boolean ok = agreed.apply(type.name()).test(i);
                    out.add(new Evaluated(seedId, ProbeText.of(ProbeMode.QUESTION, q), null,
                            Evaluated.Status.VALID, null, probe, OracleAnswer.of("green"), "blue",
                            new Consensus(List.of("red", ok ? "red" : "pink"), ok ? "red" : null, ok), ok ? 1 : 0));
                }
                return out;
            }

            @Override
            public ImageStore images() {
                return store;
            }
        };
    }

    private static FailureType type(String name, boolean validated) {
        Accuracy a = Accuracy.of(1, 2);
        TypeDefinition def = new TypeDefinition(List.of(new Facet("family", name)));
        return new FailureType(def.id(), name, "d", def, List.of(), List.of(),
                new Validation(10, a, a, a, Map.of(), 0.01, validated), List.of());
    }

    @Test
    void findingsAreReaskedToTheEnsembleInUseAndTheirStoredConsensusAndOracleAreNotLabels(@TempDir Path run)
            throws Exception {
        FileImageStore images = new FileImageStore(run.resolve("images"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Picture p = Doubles.picture(i);
            images.put(p);
            String q = "what colour is the star?";
            Finding f = new Finding("f-00000" + i, new Probe("seed-00000" + i, ProbeMode.QUESTION, q,
                    Pairing.NEW_QUESTION_ORIGINAL_IMAGE, q, p.sha256(), p.sha256()), "blue",
                    new Consensus(List.of("green", "green"), "green", true), "yellow");
            lines.append(RunJson.mapper().writeValueAsString(f)).append('\n');
        }
        Files.writeString(run.resolve("findings.jsonl"), lines);
        ConsensusLabeler labeler = new ConsensusLabeler(Doubles.ensemble(Doubles.constant("m", "red"),
                Doubles.constant("l", "red")), null, WorldSource.answerVocabulary(), LabelFilter.AGREED.withCheckPresuppositions(false));
        List<RectificationExample> out = FindingsData.build(run, labeler, 3);
        assertThat(out).hasSize(3);
        assertThat(out).extracting(RectificationExample::label).containsOnly("red");
        assertThat(out).extracting(RectificationExample::oracleAnswer).containsOnly("yellow");
        assertThat(out).extracting(e -> e.provenance().findingId()).containsExactly("f-000000", "f-000001", "f-000002");
        assertThatThrownBy(() -> FindingsData.read(run.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no findings");
    }

    @Test
    void trainingSampleHasTrueLabelsAndComposeRenumbersAndTruncates() {
        List<RectificationExample> t = TrainingSample.draw(WorldSource.training(), 10, 3);
        assertThat(t).hasSize(10).allMatch(e -> e.label().equals(e.oracleAnswer()));
        DataSet d = DataSet.compose("random", Map.of("k", 1), List.of(t.subList(0, 4), t.subList(4, 10)), 7);
        assertThat(d.examples()).extracting(RectificationExample::id).startsWith("random-000000").hasSize(7);
        assertThat(d.bySource()).containsEntry(Source.TRAINING_SAMPLE, 7);
        assertThat(DataBuilder.truncate(d, 3).examples()).hasSize(3);
    }

    @Test
    void requestTypeSamplerJudgesGeneratedRequestsWithTheEnsembleAndAugmentLabelsThem() {
        Doubles.Scripted m = Doubles.constant("m", "4");
        Doubles.Scripted l = Doubles.constant("l", "4");
        Doubles.Scripted s = Doubles.constant("s", "1");
        Judging j = judging(s, m, l);
        org.auditdm.world.sample.SeedPool pool = new org.auditdm.world.sample.SeedPool(5);
        RequestTypeSampler sampler = new RequestTypeSampler((def, count, rng) -> {
            List<org.auditdm.audit.probe.ProbeRequest> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(org.auditdm.audit.probe.ProbeRequest.of(pool.get(rng.nextInt(1000)),
                        ProbeText.of(ProbeMode.QUESTION, "how many " + def.value("family") + " are there?")));
            }
            return out;
        }, j, 3);
        ConsensusLabeler labeler = new ConsensusLabeler(j.ensemble(), s, WorldSource.answerVocabulary(),
                LabelFilter.AGREED.withCheckPresuppositions(false));
        List<RectificationExample> out = new Augment(sampler, labeler, 1).build(
                List.of(type("circles", true), type("squares", true)), 8, n -> { });
        assertThat(out).hasSize(8).extracting(RectificationExample::label).containsOnly("4");
        assertThat(out).extracting(RectificationExample::question)
                .contains("how many circles are there?", "how many squares are there?");
        assertThat(out).extracting(e -> e.provenance().source()).containsOnly(Source.AUGMENT);
    }
}
