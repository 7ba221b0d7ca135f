package org.auditdm.world.scene;

import java.util.Locale;

/** How a shape is painted. */
public enum Fill {
    SOLID, STRIPED, OUTLINE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
