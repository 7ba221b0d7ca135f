package org.auditdm.world.caption;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.auditdm.world.sample.SceneSampler;
import org.auditdm.world.sample.WorldPrior;
import org.auditdm.world.scene.Geometry;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.SizeClass;

/**
 * Finds room for new or moved objects. It first asks {@link SceneSampler#place} (random tries, no
 * overlap, then mild overlap), and when those fail scans a fine grid of the allowed cell for the
 * point farthest from everything else, so that crowded regions which do have room are still used.
 * Captions and edits share it, so both fill regions the same way.
 */
public final class ObjectPlacer {
    /** Grid steps per axis of the fallback scan. */
    private static final int SCAN = 24;
    /** Least centre distance, as a multiple of the larger radius, that the scan accepts. */
    private static final double MIN_SEPARATION = 1.0;

    private final SceneSampler sampler;

    public ObjectPlacer(SceneSampler sampler) {
        this.sampler = sampler;
    }

    /** A placer over the uniform prior, as captions and edits use. */
    public static ObjectPlacer uniform() {
        return new ObjectPlacer(new SceneSampler(WorldPrior.UNIFORM));
    }

    public SceneSampler sampler() {
        return sampler;
    }

    /**
     * A new object matching {@code filter} (other attributes drawn from the prior; no label), in
     * {@code region} if given, with the scene's next id; empty when there is no room.
     */
    public Optional<SceneObject> add(Scene scene, ObjectFilter filter, Region region, SplittableRandom rng) {
        Optional<SceneObject> o = sampler.addRandom(scene, filter, region, false, rng);
        if (o.isEmpty()) {
            o = sampler.addRandom(scene, filter, region, true, rng);
        }
        if (o.isEmpty()) {
            // Draw the attributes alone (an empty scene always has room), then scan for a place.
            SceneObject drawn = sampler.addRandom(Scene.ofObjects(List.of(), scene.backdrop()), filter, region,
                    false, rng).orElseThrow();
            o = scan(scene, drawn.size(), region, -1).map(p -> drawn.withPosition(p[0], p[1]));
        }
        return o.map(x -> x.withId(scene.nextId()).withLabel(null));
    }

    /**
     * A position for an object of {@code size} inside {@code region} (anywhere if null), clear of
     * the sign and of the other objects except the one with id {@code ignoreId}.
     */
    public Optional<double[]> position(Scene scene, SizeClass size, Region region, int ignoreId,
                                       SplittableRandom rng) {
        Scene others = scene.withObjects(scene.objects().stream().filter(o -> o.id() != ignoreId).toList());
        Optional<double[]> p = sampler.place(others, size, region, false, rng);
        if (p.isEmpty()) {
            p = sampler.place(others, size, region, true, rng);
        }
        if (p.isEmpty()) {
            p = scan(others, size, region, ignoreId);
        }
        return p;
    }

    /** Whether an object of {@code size} at (x, y) keeps clear of the sign and the other objects. */
    public static boolean clear(Scene scene, SizeClass size, double x, double y, int ignoreId, double separation) {
        double r = size.radius();
        if (x < r || x > 1 - r || y < r || y > 1 - r) {
            return false;
        }
        if (scene.sign() != null) {
            Rectangle2D board = Geometry.board(scene.sign(), 1.0).getBounds2D();
            if (board.intersects(x - r, y - r, 2 * r, 2 * r)) {
                return false;
            }
        }
        for (SceneObject o : scene.objects()) {
            if (o.id() != ignoreId
                    && Math.hypot(o.x() - x, o.y() - y) < Math.max(r, o.size().radius()) * separation) {
                return false;
            }
        }
        return true;
    }

    private static Optional<double[]> scan(Scene scene, SizeClass size, Region region, int ignoreId) {
        double r = size.radius();
        double lo = r + 0.01;
        double hi = 1 - r - 0.01;
        double x0 = lo;
        double x1 = hi;
        double y0 = lo;
        double y1 = hi;
        if (region != null) {
            x0 = Math.max(lo, region.col() / 3.0 + 0.001);
            x1 = Math.min(hi, (region.col() + 1) / 3.0 - 0.001);
            y0 = Math.max(lo, region.row() / 3.0 + 0.001);
            y1 = Math.min(hi, (region.row() + 1) / 3.0 - 0.001);
        }
        Rectangle2D board = scene.sign() == null ? null : Geometry.board(scene.sign(), 1.0).getBounds2D();
        double[] best = null;
        double bestScore = MIN_SEPARATION;
        for (int i = 0; i <= SCAN; i++) {
            for (int j = 0; j <= SCAN; j++) {
                double x = x0 + (x1 - x0) * i / SCAN;
                double y = y0 + (y1 - y0) * j / SCAN;
                if (board != null && board.intersects(x - r, y - r, 2 * r, 2 * r)) {
                    continue;
                }
                double score = Double.POSITIVE_INFINITY;
                for (SceneObject o : scene.objects()) {
                    if (o.id() != ignoreId) {
                        score = Math.min(score, Math.hypot(o.x() - x, o.y() - y) / Math.max(r, o.size().radius()));
                    }
                }
                if (score >= bestScore && (best == null || score > bestScore)) {
                    bestScore = score;
                    best = new double[] {x, y};
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
