package org.auditdm.world.scene;

import java.util.Locale;

/** What a scene mainly shows. Derived from its content, never stored. */
public enum SceneKind {
    OBJECTS, CHART, SIGN, CLOCK;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
