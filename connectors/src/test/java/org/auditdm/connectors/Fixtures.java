package org.auditdm.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/** Test images, questions and a deterministic in-process model. */
final class Fixtures {
    private Fixtures() {
    }

    static Picture picture(long seed, int side) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] px = new int[side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = rng.nextInt(1 << 24);
        }
        return Picture.of(side, side, px);
    }

    static List<VisualQuestion> questions(int n, long seed) {
        String[] qs = {"what colour is the square?", "how many circles are there?", "is the sign red?",
            "what time does the clock show?"};
        List<VisualQuestion> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new VisualQuestion(picture(seed * 1000 + i, 16), qs[i % qs.length]));
        }
        return out;
    }

    /** Answers from a hash of the pixels and the question, with a probability: a stand-in for a zoo model. */
    static final class HashModel implements VisionLanguageModel {
        private static final String[] ANSWERS = {"red", "blue", "3", "yes", "no", "3:05", "top left"};
        private final String id;
        private final long salt;

        HashModel(String id, long salt) {
            this.id = id;
            this.salt = salt;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Answer answer(VisualQuestion q) {
            long h = (q.image().sha256() + q.question()).hashCode() * 31L + salt;
            int i = (int) Math.floorMod(h, (long) ANSWERS.length);
            return new Answer(ANSWERS[i], 0.5 + i / 20.0);
        }
    }
}
