package org.auditdm.world.render;

import java.util.List;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/** Small scene builders shared by the renderer tests. */
final class Scenes {
    private Scenes() {
    }

    static SceneObject object(int id, ShapeKind shape, NamedColor color, Fill fill, double x, double y) {
        return new SceneObject(id, shape, color, SizeClass.LARGE, fill, 0, x, y, null);
    }

    static Scene of(SceneObject... objects) {
        return Scene.ofObjects(List.of(objects), Backdrop.PLAIN_WHITE);
    }

    static int[] rgb(int packed) {
        return new int[] {(packed >> 16) & 0xFF, (packed >> 8) & 0xFF, packed & 0xFF};
    }

    /** Largest per-channel difference. */
    static int distance(int a, int b) {
        int[] x = rgb(a);
        int[] y = rgb(b);
        return Math.max(Math.abs(x[0] - y[0]), Math.max(Math.abs(x[1] - y[1]), Math.abs(x[2] - y[2])));
    }

    static NamedColor nearest(int packed) {
        NamedColor best = null;
        double bestD = Double.MAX_VALUE;
        int[] p = rgb(packed);
        for (NamedColor c : NamedColor.values()) {
            int[] q = rgb(c.rgb());
            double d = Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }
}
