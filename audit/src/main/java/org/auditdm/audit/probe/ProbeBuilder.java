package org.auditdm.audit.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.SplittableRandom;
import org.auditdm.api.ImageStore;
import org.auditdm.api.Pairing;
import org.auditdm.api.Picture;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.audit.photo.PhotoSeed;
import org.auditdm.audit.photo.PhotoSupport;
import org.auditdm.world.caption.CaptionParser;
import org.auditdm.world.edit.EditResult;
import org.auditdm.world.edit.Editor;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.OracleAnswer;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.render.Renderer;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.scene.Scene;

/**
 * Turns auditor texts into probes on the synthetic world.
 *
 * <ul>
 *   <li>QUESTION: the text must parse as a question; it is asked about the seed image
 *       ({@link Pairing#NEW_QUESTION_ORIGINAL_IMAGE}).
 *   <li>EDIT: the command is applied to the seed scene and the result rendered; the seed's question
 *       is asked about it ({@link Pairing#ORIGINAL_QUESTION_NEW_IMAGE}). An edit that changes
 *       nothing is invalid: it makes no counterfactual.
 *   <li>CAPTION: the caption is parsed into a new scene and rendered; the seed's question is asked
 *       about it ({@link Pairing#ORIGINAL_QUESTION_NEW_IMAGE}).
 *   <li>A question plus an edit or caption: the new question about the new image
 *       ({@link Pairing#NEW_QUESTION_NEW_IMAGE}).
 * </ul>
 *
 * <p>The randomness an edit or caption needs (where an added object goes) comes from a hash of the
 * builder's seed, the seed id and the text, so the same text on the same seed always makes the same
 * image, whatever else is in the batch. Every probe carries the oracle's answer on its own scene,
 * for measurement only. Thread-safe when the image store is.
 *
 * <p><b>Photo seeds</b> (ids starting with {@link PhotoSeed#PREFIX}, registered in a {@link PhotoSupport})
 * have no scene graph: a QUESTION is any one-line question of at most {@value #MAX_PHOTO_QUESTION} characters
 * (not only the world grammar); an EDIT is a command of the photo-edit language applied to the pixels by the
 * {@link org.auditdm.audit.photo.ImageEditor}; a CAPTION needs an
 * {@link org.auditdm.audit.photo.ImageGenerator} and is otherwise invalid with {@link PhotoSupport#NO_GENERATOR}.
 * Their probes carry an UNANSWERABLE oracle answer ("no oracle for photos"): findings on photos rest on the
 * consensus alone.
 */
public final class ProbeBuilder {
    private final Renderer renderer = new Renderer();
    private final Oracle oracle = new Oracle();
    private final ImageStore images;
    private final int imageSide;
    private final long seed;
    private final BiConsumer<Picture, Scene> rendered;
    private final PhotoSupport photos;

    /** Longest question accepted on a photo seed. */
    public static final int MAX_PHOTO_QUESTION = 200;
    /** The oracle's answer on every photo probe. */
    public static final OracleAnswer NO_ORACLE = OracleAnswer.unanswerable("a photo has no oracle");

    /**
     * @param images where seed and counterfactual images are kept
     * @param imageSide rendered image side in pixels (the models' input size)
     * @param seed mixed into every edit's and caption's randomness
     */
    public ProbeBuilder(ImageStore images, int imageSide, long seed) {
        this(images, imageSide, seed, PhotoSupport.none());
    }

    /** Like {@link #ProbeBuilder(ImageStore, int, long)}, also building probes on the given photo seeds. */
    public ProbeBuilder(ImageStore images, int imageSide, long seed, PhotoSupport photos) {
        this(images, imageSide, seed, photos, (picture, scene) -> { });
    }

    /**
     * @param rendered told of every rendered image with the scene it shows (for example, for test doubles that
     *     answer from the scene, or to keep scene graphs beside images)
     */
    public ProbeBuilder(ImageStore images, int imageSide, long seed, BiConsumer<Picture, Scene> rendered) {
        this(images, imageSide, seed, PhotoSupport.none(), rendered);
    }

    public ProbeBuilder(ImageStore images, int imageSide, long seed, PhotoSupport photos,
                        BiConsumer<Picture, Scene> rendered) {
        this.rendered = Objects.requireNonNull(rendered, "rendered");
        this.photos = Objects.requireNonNull(photos, "photos");
        this.images = Objects.requireNonNull(images, "images");
        this.imageSide = imageSide;
        this.seed = seed;
        if (imageSide < 16 || imageSide > Picture.MAX_SIDE) {
            throw new IllegalArgumentException("image side must be in [16, " + Picture.MAX_SIDE + "], got " + imageSide);
        }
    }

    public ImageStore images() {
        return images;
    }

    /** The seed's image, stored. */
    public Picture seedImage(Seed s) {
        Picture p;
        if (isPhoto(s)) {
            p = photo(s).image();
        } else {
            p = renderer.render(s.scene(), imageSide);
            rendered.accept(p, s.scene());
        }
        images.put(p);
        return p;
    }

    /**
     * The new image an edit or caption makes from a seed (the image a paired question is then written for),
     * or empty when the text makes none (it does not parse, or the edit changes nothing). Not stored: building
     * the probe stores it.
     */
    public Optional<Picture> counterfactual(Seed s, ProbeText imageText) {
        if (imageText.mode() == ProbeMode.QUESTION) {
            throw new IllegalArgumentException("a question does not make an image");
        }
        try {
            if (isPhoto(s)) {
                return Optional.of(newPhoto(s, photo(s).image(), imageText));
            }
            Scene scene = newScene(s, imageText);
            Picture image = renderer.render(scene, imageSide);
            rendered.accept(image, scene);
            return Optional.of(image);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Builds the probe a request describes, or says why its text is invalid. */
    public BuildResult build(ProbeRequest request) {
        Seed s = request.seed();
        Picture seedImage = seedImage(s);
        ProbeText text = request.text();
        if (isPhoto(s)) {
            return buildOnPhoto(s, seedImage, text, request.imageText());
        }
        if (request.imageText() != null) {
            Scene scene;
            try {
                scene = newScene(s, request.imageText());
            } catch (IllegalArgumentException e) {
                return new BuildResult.Invalid(request.imageText().mode().word() + ": " + e.getMessage());
            }
            try {
                QuestionParser.parse(text.text());
            } catch (IllegalArgumentException e) {
                return new BuildResult.Invalid("question: " + e.getMessage());
            }
            return made(s, seedImage, text, request.imageText(), Pairing.NEW_QUESTION_NEW_IMAGE, text.text(), scene);
        }
        switch (text.mode()) {
            case QUESTION -> {
                try {
                    QuestionParser.parse(text.text());
                } catch (IllegalArgumentException e) {
                    return new BuildResult.Invalid("question: " + e.getMessage());
                }
                return made(s, seedImage, text, null, Pairing.NEW_QUESTION_ORIGINAL_IMAGE, text.text(), s.scene());
            }
            case EDIT, CAPTION -> {
                Scene scene;
                try {
                    scene = newScene(s, text);
                } catch (IllegalArgumentException e) {
                    return new BuildResult.Invalid(text.mode().word() + ": " + e.getMessage());
                }
                return made(s, seedImage, text, null, Pairing.ORIGINAL_QUESTION_NEW_IMAGE, s.question(), scene);
            }
            default -> throw new IllegalStateException("unknown mode " + text.mode());
        }
    }

    private static boolean isPhoto(Seed s) {
        return s.id().startsWith(PhotoSeed.PREFIX);
    }

    private PhotoSeed photo(Seed s) {
        PhotoSeed p = photos.seeds().get(s.id());
        if (p == null) {
            throw new IllegalArgumentException("photo seed " + s.id() + " is not among the probe builder's photos");
        }
        return p;
    }

    private BuildResult buildOnPhoto(Seed s, Picture seedImage, ProbeText text, ProbeText imageText) {
        if (imageText == null && text.mode() == ProbeMode.QUESTION) {
            String problem = photoQuestionProblem(text.text());
            if (problem != null) {
                return new BuildResult.Invalid("question: " + problem);
            }
            return madePhoto(s, seedImage, text, null, Pairing.NEW_QUESTION_ORIGINAL_IMAGE, text.text().strip(), seedImage);
        }
        ProbeText made = imageText != null ? imageText : text;
        Picture image;
        try {
            image = newPhoto(s, seedImage, made);
        } catch (IllegalArgumentException e) {
            return new BuildResult.Invalid(made.mode().word() + ": " + e.getMessage());
        }
        if (imageText != null) {
            String problem = photoQuestionProblem(text.text());
            if (problem != null) {
                return new BuildResult.Invalid("question: " + problem);
            }
        }
        return imageText != null
                ? madePhoto(s, seedImage, text, imageText, Pairing.NEW_QUESTION_NEW_IMAGE, text.text().strip(), image)
                : madePhoto(s, seedImage, text, null, Pairing.ORIGINAL_QUESTION_NEW_IMAGE, s.question(), image);
    }

    private static String photoQuestionProblem(String q) {
        if (q.isBlank()) {
            return "the question is empty";
        }
        if (q.strip().length() > MAX_PHOTO_QUESTION) {
            return "the question is longer than " + MAX_PHOTO_QUESTION + " characters";
        }
        if (q.strip().contains("\n")) {
            return "the question spans several lines";
        }
        return null;
    }

    private Picture newPhoto(Seed s, Picture seedImage, ProbeText imageText) {
        return switch (imageText.mode()) {
            case EDIT -> {
                Picture p = photos.editor().apply(seedImage, imageText.text());
                if (p.sha256().equals(seedImage.sha256())) {
                    throw new IllegalArgumentException("the edit changes nothing in this image");
                }
                yield p;
            }
            case CAPTION -> {
                if (photos.generator() == null) {
                    throw new IllegalArgumentException(PhotoSupport.NO_GENERATOR);
                }
                yield photos.generator().generate(imageText.text(), imageSide, textSeed(s.id(), imageText));
            }
            case QUESTION -> throw new IllegalArgumentException("a question does not make an image");
        };
    }

    private BuildResult madePhoto(Seed s, Picture seedImage, ProbeText text, ProbeText imageText, Pairing pairing,
                                  String question, Picture image) {
        images.put(image);
        String auditorText = imageText == null ? text.text() : text.text() + " | " + imageText.text();
        Probe probe = new Probe(s.id(), imageText == null ? text.mode() : imageText.mode(), auditorText, pairing,
                question, image.sha256(), seedImage.sha256());
        return new BuildResult.Valid(new BuiltProbe(probe, image, NO_ORACLE));
    }

    /** The scene an edit or caption makes; IllegalArgumentException (ParseException, EditException) when it fails. */
    private Scene newScene(Seed s, ProbeText imageText) {
        long textSeed = textSeed(s.id(), imageText);
        return switch (imageText.mode()) {
            case EDIT -> {
                EditResult r = Editor.apply(s.scene(), imageText.text(), new SplittableRandom(textSeed));
                if (!r.changed()) {
                    throw new IllegalArgumentException("the edit changes nothing in this image");
                }
                yield r.scene();
            }
            case CAPTION -> CaptionParser.parse(imageText.text(), textSeed);
            case QUESTION -> throw new IllegalArgumentException("a question does not make an image");
        };
    }

    private BuildResult made(Seed s, Picture seedImage, ProbeText text, ProbeText imageText, Pairing pairing,
                             String question, Scene scene) {
        Picture image = scene == s.scene() ? seedImage : renderer.render(scene, imageSide);
        if (image != seedImage) {
            rendered.accept(image, scene);
        }
        images.put(image);
        String auditorText = imageText == null ? text.text() : text.text() + " | " + imageText.text();
        Probe probe = new Probe(s.id(), imageText == null ? text.mode() : imageText.mode(), auditorText, pairing,
                question, image.sha256(), seedImage.sha256());
        return new BuildResult.Valid(new BuiltProbe(probe, image, oracle(scene, question)));
    }

    private OracleAnswer oracle(Scene scene, String question) {
        try {
            return oracle.answer(scene, QuestionParser.parse(question).program());
        } catch (IllegalArgumentException e) {
            // Only a seed question from outside the world grammar gets here.
            return OracleAnswer.unanswerable("the oracle cannot parse the question: " + e.getMessage());
        }
    }

    private long textSeed(String seedId, ProbeText t) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((seedId + "\u0000" + t.mode() + "\u0000" + t.text()).getBytes(StandardCharsets.UTF_8));
            byte[] d = md.digest();
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xFF);
            }
            return new SplittableRandom(seed ^ 0x243F6A8885A308D3L).nextLong() ^ h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
