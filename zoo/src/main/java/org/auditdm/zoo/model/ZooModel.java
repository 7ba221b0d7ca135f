package org.auditdm.zoo.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;

/**
 * A zoo network with its vocabularies: answers a question about a 64x64 image with the argmax of a softmax
 * over the closed {@link AnswerVocabulary}; the reported probability is that softmax value.
 *
 * <p>Memory: every call opens a sub-manager of the model's manager and closes it before returning, so
 * repeated inference does not grow native memory. Thread safety: {@link #answer} and {@link #answerAll} are
 * {@code synchronized}; concurrent callers are serialised (PyTorch already spreads one batch over the
 * cores). Do not train and answer in parallel, and do not use the model after {@link #close()}.
 */
public final class ZooModel implements VisionLanguageModel, AutoCloseable {
    /** Questions answered per forward pass by {@link #answerAll}. */
    public static final int CHUNK = 64;

    /**
     * Forward passes always run on a multiple of this many rows (the chunk is padded by repeating its last
     * question). CPU matrix kernels compute remainder rows of a row tile with different code, so without
     * padding a question's logits depended on its batch size in the last bits; with it, {@link #answer} and
     * {@link #answerAll} agree bitwise (verified by ZooModelTest on this machine's kernels).
     */
    public static final int ROW_GROUP = 4;

    private final String id;
    private final ModelSpec spec;
    private final QuestionVocabulary questions;
    private final AnswerVocabulary answers;
    private final NDManager manager;
    private final NamedParameters parameters;
    private final Network network;
    private boolean closed;

    private ZooModel(String id, ModelSpec spec, QuestionVocabulary questions, AnswerVocabulary answers,
                     NDManager manager, NamedParameters parameters) {
        this.id = id;
        this.spec = spec;
        this.questions = questions;
        this.answers = answers;
        this.manager = manager;
        this.parameters = parameters;
        this.network = Network.of(spec, parameters);
    }

    /**
     * A freshly initialised model. Parameters are drawn in Java from {@code SplittableRandom(seed)}, and the
     * engine seed is set too, so the same seed gives bitwise-identical parameters.
     */
    public static ZooModel initialise(String id, ModelSpec spec, QuestionVocabulary questions,
                                      AnswerVocabulary answers, long seed) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        ParameterLayout layout = ParameterLayout.of(spec, questions.size(), answers.size());
        NDManager manager = NDManager.newBaseManager();
        NamedParameters p = NamedParameters.initialise(manager, layout, new SplittableRandom(seed));
        return new ZooModel(id, spec, questions, answers, manager, p);
    }

    /** A model with given parameter values (layout order), for example from a checkpoint. */
    public static ZooModel withValues(String id, ModelSpec spec, QuestionVocabulary questions,
                                      AnswerVocabulary answers, List<float[]> values) {
        ParameterLayout layout = ParameterLayout.of(spec, questions.size(), answers.size());
        NDManager manager = NDManager.newBaseManager();
        try {
            return new ZooModel(id, spec, questions, answers, manager, NamedParameters.of(manager, layout, values));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public org.auditdm.api.Capabilities capabilities() {
        return new org.auditdm.api.Capabilities(CHUNK, true, true);
    }

    @Override
    public String id() {
        return id;
    }

    public ModelSpec spec() {
        return spec;
    }

    public QuestionVocabulary questionVocabulary() {
        return questions;
    }

    public AnswerVocabulary answerVocabulary() {
        return answers;
    }

    public NamedParameters parameters() {
        return parameters;
    }

    public long parameterCount() {
        return parameters.layout().parameterCount();
    }

    @Override
    public synchronized Answer answer(VisualQuestion question) {
        return answerAll(List.of(question)).get(0);
    }

    @Override
    public synchronized List<Answer> answerAll(List<VisualQuestion> qs) {
        ensureOpen();
        List<Answer> out = new ArrayList<>(qs.size());
        for (int from = 0; from < qs.size(); from += CHUNK) {
            List<VisualQuestion> chunk = qs.subList(from, Math.min(qs.size(), from + CHUNK));
            int padded = (chunk.size() + ROW_GROUP - 1) / ROW_GROUP * ROW_GROUP;
            List<Picture> images = new ArrayList<>(padded);
            List<String> texts = new ArrayList<>(padded);
            for (int i = 0; i < padded; i++) {
                VisualQuestion q = chunk.get(Math.min(i, chunk.size() - 1));
                images.add(q.image());
                texts.add(q.question());
            }
            try (NDManager scope = manager.newSubManager()) {
                float[] probs = logits(scope, images, texts, false).softmax(-1).toFloatArray();
                int a = answers.size();
                for (int i = 0; i < chunk.size(); i++) {
                    int best = 0;
                    for (int j = 1; j < a; j++) {
                        if (probs[i * a + j] > probs[i * a + best]) {
                            best = j;
                        }
                    }
                    out.add(new Answer(answers.answer(best), Math.min(1.0, Math.max(0.0, probs[i * a + best]))));
                }
            }
        }
        return out;
    }

    /**
     * Answer logits (B, answers) for a batch, every array owned by {@code scope}. This is the training hook;
     * call it inside a gradient collector to train.
     */
    public NDArray logits(NDManager scope, List<Picture> images, List<String> texts, boolean training) {
        return forward(scope, images, texts, training, false)[0];
    }

    /**
     * Answer logits and, if {@code dense} and the network has dense heads, their outputs (B, K, G, G) (else null).
     * The training hook.
     */
    public NDArray[] forward(NDManager scope, List<Picture> images, List<String> texts, boolean training,
                             boolean dense) {
        ensureOpen();
        Objects.requireNonNull(scope, "scope");
        if (images.size() != texts.size() || images.isEmpty()) {
            throw new IllegalArgumentException("need the same positive number of images and questions, got "
                    + images.size() + " and " + texts.size());
        }
        int b = images.size();
        int n = spec.imageSize();
        int t = spec.maxQuestionTokens();
        float[] pixels = new float[b * 3 * n * n];
        long[] tokenIds = new long[b * t];
        float[] mask = new float[b * t];
        int[] ids = new int[t];
        for (int i = 0; i < b; i++) {
            Picture p = images.get(i);
            if (p.width() != n || p.height() != n) {
                throw new IllegalArgumentException("zoo models read " + n + "x" + n + " images, got " + p.width() + "x"
                        + p.height() + " at position " + i);
            }
            p.writeChw(pixels, i * 3 * n * n);
            int len = questions.encode(texts.get(i), t, ids, 0);
            for (int j = 0; j < t; j++) {
                tokenIds[i * t + j] = ids[j];
                mask[i * t + j] = j < len ? 1f : 0f;
            }
        }
        NDArray img = scope.create(pixels, new Shape(b, 3, n, n));
        NDArray tok = scope.create(tokenIds, new Shape(b, t));
        NDArray msk = scope.create(mask, new Shape(b, t));
        return network.forward(scope, img, tok, msk, training, dense);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("model " + id + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    @Override
    public String toString() {
        return "ZooModel[" + id + ", " + spec.family() + " " + spec.name() + ", " + parameterCount() + " parameters]";
    }
}
