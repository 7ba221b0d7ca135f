package org.auditdm.world.scene;

import java.util.Objects;

/**
 * Everything behind and around the content: background colour and texture, distractor clutter
 * (small random marks that are not objects), and global photometric perturbations.
 *
 * @param clutter number of distractor marks, 0 to 30
 * @param clutterSeed where the marks go
 */
public record Backdrop(NamedColor background, Texture texture, int clutter, long clutterSeed, Photometric photometric) {
    public static final Backdrop PLAIN_WHITE = new Backdrop(NamedColor.WHITE, Texture.PLAIN, 0, 0, Photometric.NONE);
    public static final int MAX_CLUTTER = 30;

    public Backdrop {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(texture, "texture");
        if (clutter < 0 || clutter > MAX_CLUTTER) {
            throw new IllegalArgumentException("clutter must be 0-" + MAX_CLUTTER + ", got " + clutter);
        }
        photometric = photometric == null ? Photometric.NONE : photometric;
    }

    public Backdrop withBackground(NamedColor c) {
        return new Backdrop(c, texture, clutter, clutterSeed, photometric);
    }

    public Backdrop withTexture(Texture t) {
        return new Backdrop(background, t, clutter, clutterSeed, photometric);
    }

    public Backdrop withClutter(int n) {
        return new Backdrop(background, texture, n, clutterSeed, photometric);
    }

    public Backdrop withPhotometric(Photometric p) {
        return new Backdrop(background, texture, clutter, clutterSeed, p);
    }
}
