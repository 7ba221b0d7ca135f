package org.auditdm.world.scene;

import java.util.Locale;

/** Background textures. */
public enum Texture {
    PLAIN, GRID, DOTS, GRADIENT;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
