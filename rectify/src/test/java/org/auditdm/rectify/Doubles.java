package org.auditdm.rectify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.auditdm.api.Answer;
import org.auditdm.api.Auditor;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.ImagePool;

/** Test doubles: scripted models and auditors. */
final class Doubles {
    private Doubles() {
    }

    /** A model answering by a function of the question text. */
    static final class Scripted implements VisionLanguageModel {
        final String id;
        final Function<String, String> answer;
        final AtomicInteger calls = new AtomicInteger();

        Scripted(String id, Function<String, String> answer) {
            this.id = id;
            this.answer = answer;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Answer answer(VisualQuestion q) {
            calls.incrementAndGet();
            return Answer.of(answer.apply(q.question()));
        }
    }

    static Scripted constant(String id, String answer) {
        return new Scripted(id, q -> answer);
    }

    static ReferenceEnsemble ensemble(VisionLanguageModel... members) {
        return new ReferenceEnsemble(List.of(members), new NormalizingJudge());
    }

    /** An auditor choosing texts from fixed lists per mode, driven by its seed. */
    static Auditor fixed(String id, Map<ProbeMode, List<String>> texts) {
        return new Auditor() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
                List<String> pool = texts.getOrDefault(mode, List.of());
                SplittableRandom rng = new SplittableRandom(seed);
                List<ProbeText> out = new ArrayList<>();
                for (int i = 0; i < count && !pool.isEmpty(); i++) {
                    out.add(ProbeText.of(mode, pool.get(rng.nextInt(pool.size()))));
                }
                return out;
            }
        };
    }

    /** Pool image {@code i} rendered at 64 pixels. */
    static Picture picture(int i) {
        return new Renderer().render(new ImagePool(3).get(i), 64);
    }
}
