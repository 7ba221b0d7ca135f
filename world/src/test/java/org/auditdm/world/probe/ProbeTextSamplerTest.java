package org.auditdm.world.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.edit.Edit;
import org.auditdm.world.edit.EditParser;
import org.auditdm.world.edit.Editor;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.junit.jupiter.api.Test;

class ProbeTextSamplerTest {
    private static final int PER_KIND = 150;
    private final ProbeTextSampler sampler = new ProbeTextSampler();

    private static List<Scene> scenes(long seed) {
        List<Scene> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (WorldPrior prior : List.of(WorldPrior.TRAINING, WorldPrior.UNIFORM)) {
            SceneSampler s = new SceneSampler(prior);
            for (SceneKind k : SceneKind.values()) {
                for (int i = 0; i < PER_KIND / 2; i++) {
                    out.add(s.sample(k, rng));
                }
            }
        }
        return out;
    }

    @Test
    void questionsParseAndAreAnswerable() {
        Oracle oracle = new Oracle();
        SplittableRandom rng = new SplittableRandom(11);
        for (Scene s : scenes(1)) {
            String q = sampler.question(s, rng);
            assertThat(oracle.answer(s, QuestionParser.parse(q).program()).isAnswer()).as(q).isTrue();
        }
    }

    @Test
    void editsApplyAndCoverEveryKindThatFits() {
        SplittableRandom rng = new SplittableRandom(12);
        Map<SceneKind, Set<Class<?>>> seen = new HashMap<>();
        int misfits = 0;
        List<Scene> all = scenes(2);
        for (Scene s : all) {
            String e = sampler.edit(s, rng);
            assertThatCode(() -> Editor.apply(s, e, new SplittableRandom(0))).as(e).doesNotThrowAnyException();
            try {
                Editor.apply(s, e, new SplittableRandom(12345));
            } catch (IllegalArgumentException ex) {
                misfits++;
            }
            seen.computeIfAbsent(s.kind(), k -> new HashSet<>()).add(EditParser.parse(e).getClass());
        }
        assertThat(misfits).as("edits that do not fit under another placement stream").isLessThan(all.size() / 50);
        assertThat(seen.get(SceneKind.OBJECTS)).contains(Edit.Recolor.class, Edit.Remove.class, Edit.Add.class,
                Edit.MoveTo.class, Edit.MoveBeside.class, Edit.Resize.class, Edit.Scale.class, Edit.Reshape.class,
                Edit.Refill.class, Edit.Rotate.class, Edit.Swap.class, Edit.Label.class, Edit.SetBackground.class,
                Edit.Perturb.class, Edit.Clutter.class);
        assertThat(seen.get(SceneKind.CHART)).contains(Edit.SetBar.class, Edit.Perturb.class);
        assertThat(seen.get(SceneKind.CLOCK)).contains(Edit.SetClock.class, Edit.SetBackground.class);
        assertThat(seen.get(SceneKind.SIGN)).contains(Edit.SetSignText.class, Edit.Add.class);
    }

    @Test
    void captionsParseAndUsuallyDifferFromTheSceneCaption() {
        SplittableRandom rng = new SplittableRandom(13);
        int changed = 0;
        List<Scene> all = scenes(3);
        for (Scene s : all) {
            String c = sampler.caption(s, rng);
            assertThatCode(() -> CaptionParser.parse(c, 5)).as(c).doesNotThrowAnyException();
            if (!c.equals(org.auditdm.world.caption.CaptionWriter.describe(s))) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(all.size() * 3 / 4);
    }

    @Test
    void sameStreamSameTexts() {
        List<Scene> all = scenes(4).subList(0, 120);
        for (ProbeMode mode : ProbeMode.values()) {
            SplittableRandom a = new SplittableRandom(99);
            SplittableRandom b = new SplittableRandom(99);
            for (Scene s : all) {
                assertThat(sampler.sample(mode, s, a)).isEqualTo(new ProbeTextSampler().sample(mode, s, b));
            }
        }
    }
}
