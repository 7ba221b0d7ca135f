package org.auditdm.rectify;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.ImageStore;
import org.auditdm.audit.probe.MemoryImageStore;
import org.auditdm.audit.probe.ProbeBuilder;
import org.auditdm.audit.probe.ProbeRequest;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.Evaluator;
import org.auditdm.audit.run.Judging;
import org.auditdm.failures.FailureType;
import org.auditdm.failures.TypeDefinition;
import org.auditdm.world.render.Renderer;

/**
 * A {@link TypeSampler} from any generator of probe requests for a type definition (such as the
 * failures module's fresh-probe generator: {@code new RequestTypeSampler(freshProbes::draw, judging, seed)}):
 * the requests are built and judged by the audit's {@link Evaluator}, so their consensus comes from
 * the same ensemble as every other label.
 */
public final class RequestTypeSampler implements TypeSampler {
    /** Draws probe requests matching a definition. */
    @FunctionalInterface
    public interface RequestSource {
        List<ProbeRequest> draw(TypeDefinition definition, int count, SplittableRandom rng);
    }

    private final RequestSource source;
    private final Judging judging;
    private final long seed;
    private final MemoryImageStore images = new MemoryImageStore();

    public RequestTypeSampler(RequestSource source, Judging judging, long seed) {
        this.source = Objects.requireNonNull(source, "source");
        this.judging = Objects.requireNonNull(judging, "judging");
        this.seed = seed;
    }

    @Override
    public List<Evaluated> sample(FailureType type, int count, long sampleSeed) {
        List<ProbeRequest> requests = source.draw(type.definition(), count, new SplittableRandom(sampleSeed));
        return new Evaluator(new ProbeBuilder(images, Renderer.DEFAULT_SIDE, seed), judging).evaluate(requests);
    }

    @Override
    public ImageStore images() {
        return images;
    }
}
