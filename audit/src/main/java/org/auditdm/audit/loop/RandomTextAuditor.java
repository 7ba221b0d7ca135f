package org.auditdm.audit.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.world.probe.ProbeTextSampler;
import org.auditdm.world.scene.Scene;

/**
 * The "uniform random sampling of world text" baseline: texts drawn from the world's own text
 * generators for the seed's scene. It is privileged (it reads the scene graph, so its edits always
 * apply and its questions are always answerable), which makes it a strong baseline, not a straw man.
 */
public final class RandomTextAuditor implements Auditor {
    private final Function<String, Scene> scenesByImage;
    private final ProbeTextSampler sampler = new ProbeTextSampler();

    /** @param scenesByImage the scene behind each image it audits, keyed by the image's SHA-256 */
    public RandomTextAuditor(Map<String, Scene> scenesByImage) {
        this(Map.copyOf(Objects.requireNonNull(scenesByImage, "scenesByImage"))::get);
    }

    /**
     * @param scenesByImage the scene behind an image by its SHA-256, or null when unknown (seed images and
     *     the new images it writes paired questions for)
     */
    public RandomTextAuditor(Function<String, Scene> scenesByImage) {
        this.scenesByImage = Objects.requireNonNull(scenesByImage, "scenesByImage");
    }

    @Override
    public String id() {
        return "auditor:random-world-text";
    }

    @Override
    public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
        Scene scene = scenesByImage.apply(image.sha256());
        if (scene == null) {
            throw new IllegalArgumentException("the random-text baseline only audits images whose scene it knows");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<ProbeText> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(ProbeText.of(mode, sampler.sample(mode, scene, rng)));
        }
        return out;
    }
}
