package org.auditdm.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Finding;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.run.CallPolicy;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plants known weaknesses in a test-double target and checks that failure-type analysis finds, names and
 * validates each of them, finds nothing in a target identical to the ensemble, and gives the same types for
 * the same findings in any order.
 */
class PlantedWeaknessTest {
    static final long POOL = 11;
    static final SceneOracleDouble.Scenes SCENES = new SceneOracleDouble.Scenes();
    static ModelCaller caller;
    static MiniLmEmbedder embedder;

    /** Orange read as red; counts above 5 given as two fewer. */
    static final SceneOracleDouble.Weakness PLANTED = (question, truth) -> {
        Family f = QuestionParser.parse(question).program().family();
        if (f == Family.COLOR && truth.equals("orange")) {
            return "red";
        }
        if ((f == Family.COUNT || f == Family.COUNT_ATTRIBUTE) && truth.matches("\\d+") && Integer.parseInt(truth) > 5) {
            return Integer.toString(Integer.parseInt(truth) - 2);
        }
        return truth;
    };

    @BeforeAll
    static void setUp() {
        caller = new ModelCaller(CallPolicy.defaults());
        embedder = new MiniLmEmbedder();
    }

    @AfterAll
    static void tearDown() {
        caller.close();
    }

    static Evaluator evaluator(VisionLanguageModel target) {
        ProbeBuilder builder = new ProbeBuilder(new MemoryImageStore(), 64, 7, SCENES::rendered);
        List<VisionLanguageModel> refs = List.of(SceneOracleDouble.faithful("ref-a", SCENES),
                SceneOracleDouble.faithful("ref-b", SCENES));
        return new Evaluator(builder, new Judging(target, new ReferenceEnsemble(refs, new NormalizingJudge()),
                new NormalizingJudge(), caller));
    }

    /** A small audit without RL: colour and count questions on seeds, keeping reward-1 pairs as findings. */
    static List<Finding> discover(Evaluator evaluator, int seeds) {
        SeedPool pool = new SeedPool(POOL);
        QuestionSampler sampler = new QuestionSampler();
        double[] weights = new double[Family.values().length];
        weights[Family.COLOR.ordinal()] = 1;
        weights[Family.COUNT.ordinal()] = 1;
        weights[Family.COUNT_ATTRIBUTE.ordinal()] = 1;
        SplittableRandom rng = new SplittableRandom(5);
        List<ProbeRequest> requests = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            Seed s = pool.get(i);
            for (int j = 0; j < 3; j++) {
                sampler.sampleQa(s.scene(), rng, weights, false).map(QA::text)
                        .ifPresent(q -> requests.add(ProbeRequest.of(s, ProbeText.of(ProbeMode.QUESTION, q))));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Evaluated e : evaluator.evaluate(requests)) {
            if (e.isFinding()) {
                findings.add(new Finding(String.format("f-%06d", findings.size()), e.probe(), e.targetAnswer(),
                        e.consensus(), e.oracle() != null && e.oracle().isAnswer() ? e.oracle().answer() : null));
            }
        }
        return findings;
    }

    static FailureTypes analyse(Evaluator evaluator, List<Finding> findings) {
        FailureTypeFinder.Settings d = FailureTypeFinder.Settings.defaults(3);
        FailureTypeFinder.Settings s = new FailureTypeFinder.Settings(0, 3, 30, 240, 200, d.alpha(), d.overlap(), 3, 3);
        Revalidator revalidator = new Revalidator(evaluator, new FreshProbes(POOL), List.of("ref-a", "ref-b"));
        return new FailureTypeFinder(revalidator, embedder, s).find("test", "planted", List.of("ref-a", "ref-b"),
                findings, new FailureTypeFinder.Listener() { });
    }

    @Test
    void findsAndNamesEachPlantedWeakness() {
        Evaluator evaluator = evaluator(new SceneOracleDouble("planted", SCENES, PLANTED));
        List<Finding> findings = discover(evaluator, 800);
        assertThat(findings).hasSizeGreaterThan(20);

        FailureTypes types = analyse(evaluator, findings);

        List<FailureType> validated = types.validated();
        assertThat(validated).anySatisfy(t -> {
            assertThat(t.definition().facets()).contains(new Facet("family", "color"), new Facet("consensus", "orange"));
            assertThat(t.name()).contains("orange").contains("red");
            assertThat(t.validation().targetByConsensus().rate()).isGreaterThan(0.9);
        });
        assertThat(validated).anySatisfy(t -> {
            assertThat(t.name()).contains("undercount");
            assertThat(t.validation().targetByConsensus().low()).isGreaterThan(types.general().targetByConsensus().high());
        });
        // Every validated type is one of the two planted kinds: nothing else is wrong with this target.
        assertThat(validated).allSatisfy(t -> assertThat(t.name()).containsAnyOf("orange", "undercount"));
        assertThat(validated).allSatisfy(t -> assertThat(t.exemplars()).isNotEmpty());
    }

    @Test
    void aTargetIdenticalToTheEnsembleHasNoFailureTypes() {
        Evaluator evaluator = evaluator(SceneOracleDouble.faithful("same", SCENES));
        List<Finding> findings = discover(evaluator, 300);
        assertThat(findings).isEmpty();
        FailureTypes types = analyse(evaluator, findings);
        assertThat(types.types()).isEmpty();
        assertThat(types.general().targetByConsensus().correct()).isZero();
    }

    @Test
    void sameTypesWhateverTheOrderOfFindings() {
        Evaluator evaluator = evaluator(new SceneOracleDouble("planted", SCENES, PLANTED));
        List<Finding> findings = discover(evaluator, 300);
        List<Finding> shuffled = new ArrayList<>(findings);
        Collections.shuffle(shuffled, new java.util.Random(42));

        FailureTypes a = analyse(evaluator, findings);
        FailureTypes b = analyse(evaluator, shuffled);

        assertThat(b).isEqualTo(a);
        assertThat(a.types()).isNotEmpty();
    }

    @Test
    void aRecheckWithAFixedTargetShowsEveryTypeShrinking() {
        Evaluator planted = evaluator(new SceneOracleDouble("planted", SCENES, PLANTED));
        FailureTypes types = analyse(planted, discover(planted, 800));
        assertThat(types.validated()).isNotEmpty();

        Evaluator fixed = evaluator(SceneOracleDouble.faithful("fixed", SCENES));
        List<Recheck.Row> rows = Recheck.of(types,
                new Revalidator(fixed, new FreshProbes(POOL), List.of("ref-a", "ref-b")), 30, types.seed());

        assertThat(rows).hasSameSizeAs(types.validated());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.after().correct()).isZero();
            assertThat(r.shrank()).isTrue();
        });
    }
}
