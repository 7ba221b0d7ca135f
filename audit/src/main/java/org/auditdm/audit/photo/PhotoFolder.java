package org.auditdm.audit.photo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.auditdm.audit.run.RunJson;
import org.auditdm.audit.run.SeedSource;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Scene;

/**
 * A folder of photos as audit seeds: every {@code .jpg}, {@code .jpeg}, {@code .png} (and {@code .webp} when
 * the runtime reads WebP) file, in file-name order, is one seed. An optional sidecar {@code NAME.txt} next to
 * {@code NAME.jpg} holds the seed question (its first non-blank line); otherwise the default question is
 * used. Each photo is fitted into the models' input square ({@link Letterbox}).
 *
 * <p>A file that cannot be used (empty, truncated, not an image, too many pixels, an unsupported format)
 * becomes a {@link Problem} with a clear message and is skipped; the other photos are still loaded. A
 * missing folder or one with no usable photo is an {@link IllegalArgumentException}.
 */
public final class PhotoFolder {
    /** The question asked of a photo without a sidecar. */
    public static final String DEFAULT_QUESTION = "what is the main object in this image?";
    /** File-name extensions read as photos. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");

    /**
     * The scene carried by the world {@link Seed} of a photo. A photo has no scene graph; the audit's probe
     * builder recognises photo seeds by id ({@link PhotoSeed#PREFIX}) and never renders this scene.
     */
    public static final Scene NO_SCENE = Scene.ofObjects(List.of(), Backdrop.PLAIN_WHITE);

    /** A file that was skipped, and why. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /** The usable photos, in file-name order, and the problems. */
    public record Loaded(Path dir, List<PhotoSeed> seeds, List<Problem> problems) {
        public Loaded {
            seeds = List.copyOf(seeds);
            problems = List.copyOf(problems);
        }

        /** Photo seeds by id. */
        public Map<String, PhotoSeed> byId() {
            Map<String, PhotoSeed> out = new LinkedHashMap<>();
            seeds.forEach(s -> out.put(s.id(), s));
            return out;
        }

        /** The seeds as the audit loop's seed source (world seeds with {@link #NO_SCENE} and no oracle answer). */
        public SeedSource seedSource() {
            List<Seed> list = seeds.stream().map(p -> new Seed(p.id(), NO_SCENE, p.question(), null)).toList();
            String digest = digest(seeds);
            return new SeedSource() {
                @Override
                public int size() {
                    return list.size();
                }

                @Override
                public Seed get(int i) {
                    return list.get(i);
                }

                @Override
                public JsonNode describe() {
                    ObjectNode n = RunJson.mapper().createObjectNode();
                    n.put("source", "photos");
                    n.put("dir", dir.toString());
                    n.set("ids", RunJson.mapper().valueToTree(list.stream().map(Seed::id).toList()));
                    n.put("sha256", digest);
                    return n;
                }
            };
        }
    }

    private PhotoFolder() {
    }

    /** Loads with the default decoder limits. */
    public static Loaded load(Path dir, int side, String defaultQuestion) {
        return load(dir, side, defaultQuestion, PhotoDecoder.defaults());
    }

    public static Loaded load(Path dir, int side, String defaultQuestion, PhotoDecoder decoder) {
        Objects.requireNonNull(dir, "dir");
        String question = defaultQuestion == null || defaultQuestion.isBlank() ? DEFAULT_QUESTION : defaultQuestion.strip();
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("seeds folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("seeds folder " + dir + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list seeds folder " + dir, e);
        }
        List<PhotoSeed> seeds = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String ext = PhotoDecoder.extension(f);
            if (name.startsWith(".") || ext.equals("txt")) {
                continue;
            }
            if (!EXTENSIONS.contains(ext)) {
                problems.add(new Problem(name, "not a photo file name (expected .jpg, .jpeg, .png or .webp); skipped"));
                continue;
            }
            try {
                var image = decoder.read(f);
                seeds.add(new PhotoSeed(PhotoSeed.PREFIX + name, Letterbox.fit(image, side), sidecar(f, question), name));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, e.getMessage() + "; skipped"));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds folder " + dir + " has no usable photo"
                    + (problems.isEmpty() ? " (expected .jpg, .jpeg, .png or .webp files)" : ": " + problems));
        }
        return new Loaded(dir, seeds, problems);
    }

    private static String sidecar(Path photo, String dflt) {
        String name = photo.getFileName().toString();
        Path txt = photo.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt");
        if (!Files.isRegularFile(txt)) {
            return dflt;
        }
        try {
            for (String line : Files.readAllLines(txt, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
            return dflt;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read its question file " + txt.getFileName() + ": " + e.getMessage());
        }
    }

    private static String digest(List<PhotoSeed> seeds) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (PhotoSeed s : seeds) {
                md.update((s.id() + "\n" + s.image().sha256() + "\n" + s.question() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
