package org.auditdm.failures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.auditdm.api.Pairing;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.world.probe.ProbeTextSampler;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.QA;
import org.auditdm.world.question.QuestionSampler;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;
import org.auditdm.world.caption.ObjectPlacer;
import org.auditdm.world.question.Comparison;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QuestionWriter;
import org.auditdm.world.question.Relation;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/**
 * Draws fresh probe requests from the world's generators: for a failure type, requests whose input facets
 * match its definition (its question family and attributes, its edit kind, its pairing); for the general
 * distribution, requests as the uniform random-text auditor writes them. Seeds come from a range of the
 * seed pool that audits never use. Answer facets of a definition (the ensemble's answer) cannot be asked
 * for in advance: callers keep the answered probes that match.
 */
public final class FreshProbes {
    /** Fresh seeds are drawn from [FIRST_SEED, FIRST_SEED + SEED_RANGE) of the pool. */
    public static final int FIRST_SEED = 3_000_000;
    public static final int SEED_RANGE = 1_000_000;
    /** Draws of (seed, question, image text) tried per request before giving up on a definition. */
    public static final int ATTEMPTS = 40;

    private final SeedPool pool;
    private final QuestionSampler questions = new QuestionSampler();
    private final ProbeTextSampler texts = new ProbeTextSampler();
    private final ObjectPlacer placer = ObjectPlacer.uniform();

    public FreshProbes(long seedPoolSeed) {
        this.pool = new SeedPool(seedPoolSeed);
    }

    /**
     * Up to {@code count} requests matching the definition's input facets ({@code definition == null}: the
     * general distribution). Fewer when the world rarely produces such probes.
     */
    public List<ProbeRequest> draw(TypeDefinition definition, int count, SplittableRandom rng) {
        List<ProbeRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Optional<ProbeRequest> r = definition == null ? Optional.of(general(rng)) : matching(definition, rng);
            r.ifPresent(out::add);
        }
        return out;
    }

    private Seed seed(SplittableRandom rng) {
        return pool.get(FIRST_SEED + rng.nextInt(SEED_RANGE));
    }

    private ProbeRequest general(SplittableRandom rng) {
        Seed s = seed(rng);
        ProbeMode mode = ProbeMode.values()[rng.nextInt(ProbeMode.values().length)];
        return ProbeRequest.of(s, ProbeText.of(mode, texts.sample(mode, s.scene(), rng)));
    }

    private Optional<ProbeRequest> matching(TypeDefinition def, SplittableRandom rng) {
        Set<Facet> wanted = Set.copyOf(def.facets().stream().filter(f -> !f.aboutAnswers()).toList());
        Set<Facet> wantedInQuestion = Set.copyOf(wanted.stream().filter(f -> aboutQuestion(f.key())).toList());
        Family family = family(def.value("family"));
        boolean stageable = family != null && family.appliesTo(SceneKind.OBJECTS)
                && def.facets().stream().anyMatch(f -> f.key().startsWith("subject.") || f.key().startsWith("other."));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Seed s = seed(rng);
            Optional<String> question;
            if (stageable && attempt % 2 == 1) {
                // Every other attempt stages the scene: the objects the definition names are added to it and
                // the question is written about them, so that rare attribute combinations still get probes.
                Optional<Seed> staged = stage(s, def, rng);
                if (staged.isEmpty()) {
                    continue;
                }
                s = staged.get();
                question = Optional.of(s.question());
            } else {
                question = question(s, family, rng);
            }
            if (question.isEmpty() || !questionFacets(question.get()).containsAll(wantedInQuestion)) {
                continue;
            }
            Pairing pairing = pairing(def, rng);
            if (pairing == Pairing.NEW_QUESTION_ORIGINAL_IMAGE) {
                ProbeRequest r = ProbeRequest.of(s, ProbeText.of(ProbeMode.QUESTION, question.get()));
                if (inputFacets(r).containsAll(wanted)) {
                    return Optional.of(r);
                }
                continue;
            }
            // The image text is drawn separately, so that a rare edit kind does not multiply a rare question.
            for (int t = 0; t < ATTEMPTS; t++) {
                ProbeMode mode = imageMode(def, rng);
                ProbeText image = ProbeText.of(mode, texts.sample(mode, s.scene(), rng));
                ProbeRequest r = pairing == Pairing.ORIGINAL_QUESTION_NEW_IMAGE
                        ? ProbeRequest.of(new Seed(s.id() + "-q", s.scene(), question.get(), null), image)
                        : ProbeRequest.paired(s, ProbeText.of(ProbeMode.QUESTION, question.get()), image);
                if (inputFacets(r).containsAll(wanted)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The seed's scene with objects matching the definition's subject (and other object) added when absent,
     * and the definition's question written about them; empty when the definition does not make a program or
     * the scene has no room.
     */
    private Optional<Seed> stage(Seed s, TypeDefinition def, SplittableRandom rng) {
        if (s.scene().kind() != SceneKind.OBJECTS) {
            return Optional.empty();
        }
        Family family = family(def.value("family"));
        ObjectFilter subject = filter(def, "subject");
        ObjectFilter other = filter(def, "other");
        Program program;
        try {
            program = switch (family) {
                case SPATIAL -> Program.spatial(subject, enumOf(Relation.values(), def.value("relation"), Relation.LEFT_OF),
                        other);
                case SIZE_COMPARE -> Program.sizeCompare(subject,
                        enumOf(Comparison.values(), def.value("comparison"), Comparison.BIGGER), other);
                case COUNT_COMPARE -> Program.countCompare(subject,
                        enumOf(Comparison.values(), def.value("comparison"), Comparison.MORE), other);
                case BINDING -> Program.binding(subject, other);
                case NEGATION -> Program.negation(subject, enumOf(NamedColor.values(), def.value("excluded.color"),
                        NamedColor.values()[rng.nextInt(NamedColor.values().length)]));
                default -> Program.about(family, subject);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Scene scene = s.scene();
        for (ObjectFilter f : new ObjectFilter[] {program.subject(), family == Family.BINDING ? null : program.other()}) {
            if (f != null && f.select(scene).isEmpty()) {
                Optional<SceneObject> added = placer.add(scene, f, null, rng);
                if (added.isEmpty()) {
                    return Optional.empty();
                }
                List<SceneObject> objects = new ArrayList<>(scene.objects());
                objects.add(added.get());
                try {
                    scene = scene.withObjects(objects);
                } catch (IllegalArgumentException full) {
                    return Optional.empty(); // the scene already holds as many objects as a scene may
                }
            }
        }
        String text = QuestionWriter.write(program, QuestionSampler.pickTemplate(family, rng, false));
        return Optional.of(new Seed(s.id() + "-staged", scene, text, null));
    }

    private static ObjectFilter filter(TypeDefinition def, String role) {
        return new ObjectFilter(
                enumOf(SizeClass.values(), def.value(role + ".size"), null),
                enumOf(NamedColor.values(), def.value(role + ".color"), null),
                enumOf(Fill.values(), def.value(role + ".fill"), null),
                enumOf(ShapeKind.values(), def.value(role + ".shape"), null));
    }

    /** The constant whose facet word (as {@link Facets} writes it) is {@code word}; {@code fallback} when absent. */
    private static <E extends Enum<E>> E enumOf(E[] values, String word, E fallback) {
        if (word == null) {
            return fallback;
        }
        for (E e : values) {
            String w = e instanceof NamedColor c ? c.word()
                    : e instanceof ShapeKind k ? k.word()
                    : e instanceof SizeClass z ? z.word()
                    : e instanceof Fill f ? f.word()
                    : e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (w.equals(word)) {
                return e;
            }
        }
        return fallback;
    }

    private static boolean aboutQuestion(String key) {
        return !key.equals("mode") && !key.equals("pairing") && !key.startsWith("edit");
    }

    private static Set<Facet> questionFacets(String question) {
        return Facets.ofInput(new Probe("-", ProbeMode.QUESTION, question, Pairing.NEW_QUESTION_ORIGINAL_IMAGE,
                question, "-", "-"));
    }

    /** The input facets the request's probe will have, without building it. */
    static Set<Facet> inputFacets(ProbeRequest r) {
        ProbeText t = r.text();
        Probe probe;
        if (r.imageText() != null) {
            probe = new Probe(r.seed().id(), r.imageText().mode(), t.text() + " | " + r.imageText().text(),
                    Pairing.NEW_QUESTION_NEW_IMAGE, t.text(), "-", "-");
        } else if (t.mode() == ProbeMode.QUESTION) {
            probe = new Probe(r.seed().id(), t.mode(), t.text(), Pairing.NEW_QUESTION_ORIGINAL_IMAGE, t.text(), "-", "-");
        } else {
            probe = new Probe(r.seed().id(), t.mode(), t.text(), Pairing.ORIGINAL_QUESTION_NEW_IMAGE,
                    r.seed().question(), "-", "-");
        }
        return Facets.ofInput(probe);
    }

    private Optional<String> question(Seed s, Family family, SplittableRandom rng) {
        if (family == null) {
            return questions.sampleQa(s.scene(), rng, QuestionSampler.uniformWeights(), false).map(QA::text);
        }
        if (!family.appliesTo(s.scene().kind())) {
            return Optional.empty();
        }
        double[] w = new double[Family.values().length];
        w[family.ordinal()] = 1;
        return questions.sampleQa(s.scene(), rng, w, false).map(QA::text);
    }

    private static Pairing pairing(TypeDefinition def, SplittableRandom rng) {
        String p = def.value("pairing");
        if (p != null) {
            return Pairing.valueOf(p.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        String mode = def.value("mode");
        if ("question".equals(mode)) {
            return Pairing.NEW_QUESTION_ORIGINAL_IMAGE;
        }
        if (mode != null || def.value("edit") != null) {
            return rng.nextBoolean() ? Pairing.ORIGINAL_QUESTION_NEW_IMAGE : Pairing.NEW_QUESTION_NEW_IMAGE;
        }
        return Pairing.values()[rng.nextInt(Pairing.values().length)];
    }

    private static ProbeMode imageMode(TypeDefinition def, SplittableRandom rng) {
        String mode = def.value("mode");
        if ("caption".equals(mode)) {
            return ProbeMode.CAPTION;
        }
        if ("edit".equals(mode) || def.value("edit") != null) {
            return ProbeMode.EDIT;
        }
        return rng.nextBoolean() ? ProbeMode.EDIT : ProbeMode.CAPTION;
    }

    private static Family family(String word) {
        if (word == null) {
            return null;
        }
        return Family.valueOf(word.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
