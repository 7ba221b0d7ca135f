package org.auditdm.audit.photo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Region;

/**
 * Random commands of the photo-edit language, and an auditor wrapper that uses them for EDIT texts on photos.
 * The policy auditor was trained on the synthetic world's edit language, which does not apply to photos; with
 * photo seeds its EDIT texts are replaced by these (unaimed, like a random baseline), while its questions and
 * captions are kept.
 */
public final class PhotoEditSampler {
    private PhotoEditSampler() {
    }

    /** One random, valid command. */
    public static String sample(SplittableRandom rng) {
        Region[] regions = Region.values();
        String region = regions[rng.nextInt(regions.length)].words();
        return switch (rng.nextInt(11)) {
            case 0 -> "crop to the " + region;
            case 1 -> "rotate by " + (rng.nextBoolean() ? "" : "-") + (5 + 5 * rng.nextInt(18)) + " degrees";
            case 2 -> rng.nextBoolean() ? "flip horizontally" : "flip vertically";
            case 3 -> (rng.nextBoolean() ? "brighten" : "darken") + " the image by " + (10 + 10 * rng.nextInt(6)) + " percent";
            case 4 -> (rng.nextBoolean() ? "increase" : "lower") + " the contrast by " + (20 + 10 * rng.nextInt(6)) + " percent";
            case 5 -> "blur the image by " + (1 + rng.nextInt(4)) + " pixels";
            case 6 -> "make the image grayscale";
            case 7 -> "occlude the " + region + " with a " + NamedColor.values()[rng.nextInt(NamedColor.values().length)].word()
                    + " box";
            case 8 -> "add noise " + (10 + 5 * rng.nextInt(7));
            case 9 -> "compress the image to quality " + (5 + 5 * rng.nextInt(6));
            default -> "occlude the " + region;
        };
    }

    /** Wraps {@code delegate}: EDIT texts become random photo edits, other modes are the delegate's. */
    public static Auditor withPhotoEdits(Auditor delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new Auditor() {
            @Override
            public String id() {
                return delegate.id() + "+random-photo-edits";
            }

            @Override
            public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
                if (mode != ProbeMode.EDIT) {
                    return delegate.propose(image, seedQuestion, mode, count, seed);
                }
                SplittableRandom rng = new SplittableRandom(seed);
                List<ProbeText> out = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    out.add(ProbeText.of(ProbeMode.EDIT, sample(rng)));
                }
                return out;
            }
        };
    }
}
