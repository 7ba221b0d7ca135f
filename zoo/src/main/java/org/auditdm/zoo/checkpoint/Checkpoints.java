package org.auditdm.zoo.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.auditdm.zoo.model.ParameterDef;
import org.auditdm.zoo.model.ParameterLayout;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;

/**
 * Checkpoint directories: {@code params} ({@link ParameterFile}), {@code metadata.json}
 * ({@link CheckpointMetadata}) and, for resumable training checkpoints, {@code optimizer} (AdamW moments,
 * float32). Loading verifies the parameter checksum and the layout against the spec.
 */
public final class Checkpoints {
    public static final String PARAMS = "params";
    public static final String METADATA = "metadata.json";
    public static final String OPTIMIZER = "optimizer";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Checkpoints() {
    }

    /** A loaded, verified checkpoint; closing it closes the model. */
    public record Loaded(ZooModel model, CheckpointMetadata metadata) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /** Optional extra state stored next to the parameters (names and float32 values). */
    public record ExtraState(List<String> names, List<long[]> shapes, List<float[]> values) {
    }

    /**
     * Saves a model. The directory is written as a sibling temporary directory and swapped in, so an
     * interrupted save leaves the previous checkpoint readable (as {@code <dir>.old} at worst).
     *
     * @return the metadata written
     */
    public static CheckpointMetadata save(ZooModel model, Path dir, Precision precision,
                                          CheckpointMetadata.TrainingRecord training,
                                          CheckpointMetadata.ParentCheckpoint parent,
                                          CheckpointMetadata.DataRecipe recipe, ExtraState optimizer, Clock clock) {
        try {
            Path abs = dir.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            ParameterLayout layout = model.parameters().layout();
            List<String> names = new ArrayList<>();
            List<long[]> shapes = new ArrayList<>();
            for (ParameterDef d : layout.parameters()) {
                names.add(d.name());
                shapes.add(d.shape());
            }
            String checksum = ParameterFile.write(tmp.resolve(PARAMS), precision, names, shapes,
                    model.parameters().values());
            if (optimizer != null) {
                ParameterFile.write(tmp.resolve(OPTIMIZER), Precision.FLOAT32, optimizer.names(), optimizer.shapes(),
                        optimizer.values());
            }
            CheckpointMetadata meta = new CheckpointMetadata(CheckpointMetadata.FORMAT_VERSION,
                    model.spec().name() + "-" + checksum.substring(0, 12), model.spec().family(), model.spec().name(),
                    model.spec(), model.parameterCount(), precision, checksum, training, parent, recipe,
                    CodeVersion.current(), clock.instant().toString(), model.questionVocabulary().words(),
                    model.answerVocabulary().answers());
            JSON.writeValue(tmp.resolve(METADATA).toFile(), meta);
            Path old = abs.resolveSibling(abs.getFileName() + ".old");
            deleteTree(old);
            if (Files.exists(abs)) {
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            return meta;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code metadata.json}; missing or malformed metadata is an IllegalArgumentException. */
    public static CheckpointMetadata readMetadata(Path dir) {
        Path file = dir.resolve(METADATA);
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(file.toFile());
            int format = tree == null ? -1 : tree.path("formatVersion").asInt(-1);
            if (format == 1) {
                throw new IllegalArgumentException("checkpoint " + dir + " is in format 1, the zoo architecture before "
                        + "batch norm and the max-pooled head; retrain it with `auditdm zoo train`");
            }
            if (format != CheckpointMetadata.FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported checkpoint format " + format + " in " + file);
            }
            return JSON.treeToValue(tree, CheckpointMetadata.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("checkpoint file missing: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed checkpoint metadata " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads and verifies a checkpoint (checksum, tensor names and shapes against the spec). */
    public static Loaded load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("checkpoint directory not found: " + dir);
        }
        CheckpointMetadata meta = readMetadata(dir);
        ParameterFile.Contents c = ParameterFile.read(dir.resolve(PARAMS));
        if (!c.checksum().equals(meta.parameterChecksum())) {
            throw new IllegalArgumentException("parameter checksum mismatch in " + dir + ": metadata.json says "
                    + meta.parameterChecksum() + " but params hash to " + c.checksum()
                    + " (corrupt or replaced parameter file)");
        }
        if (c.precision() != meta.precision()) {
            throw new IllegalArgumentException("precision mismatch in " + dir + ": metadata says " + meta.precision()
                    + ", params store " + c.precision());
        }
        QuestionVocabulary qv = new QuestionVocabulary(meta.questionVocabulary());
        AnswerVocabulary av = new AnswerVocabulary(meta.answerVocabulary());
        ParameterLayout layout = ParameterLayout.of(meta.spec(), qv.size(), av.size());
        List<ParameterDef> defs = layout.parameters();
        if (defs.size() != c.names().size()) {
            throw new IllegalArgumentException("checkpoint " + dir + " has " + c.names().size()
                    + " tensors but spec " + meta.spec().name() + " needs " + defs.size());
        }
        for (int i = 0; i < defs.size(); i++) {
            if (!defs.get(i).name().equals(c.names().get(i)) || !Arrays.equals(defs.get(i).shape(), c.shapes().get(i))) {
                throw new IllegalArgumentException("checkpoint " + dir + ": tensor " + i + " is " + c.names().get(i)
                        + Arrays.toString(c.shapes().get(i)) + ", spec expects " + defs.get(i));
            }
        }
        ZooModel model = ZooModel.withValues("zoo:" + meta.id(), meta.spec(), qv, av, c.values());
        return new Loaded(model, meta);
    }

    /** Reads the optimiser state of a resumable checkpoint, or null if it has none. */
    public static ExtraState readOptimizer(Path dir) {
        Path f = dir.resolve(OPTIMIZER);
        if (!Files.exists(f)) {
            return null;
        }
        ParameterFile.Contents c = ParameterFile.read(f);
        return new ExtraState(c.names(), c.shapes(), c.values());
    }

    /**
     * Re-stores a checkpoint at another precision (for example float16 for committing) without optimiser
     * state; the new metadata names the source as parent, and the returned model is the stored one.
     */
    public static CheckpointMetadata export(Path source, Path target, Precision precision, Clock clock) {
        try (Loaded src = load(source)) {
            List<float[]> rounded = new ArrayList<>();
            for (float[] v : src.model().parameters().values()) {
                rounded.add(ParameterFile.rounded(v, precision));
            }
            src.model().parameters().setValues(rounded);
            CheckpointMetadata m = src.metadata();
            return save(src.model(), target, precision, m.training(),
                    new CheckpointMetadata.ParentCheckpoint(m.id(), m.parameterChecksum(), source.toString()),
                    m.dataRecipe(), null, clock);
        }
    }

    /**
     * The provenance chain from {@code dir} back to the root: each parent is found at its recorded location
     * (relative locations resolve against the working directory, then against the child's parent folder)
     * and must carry the recorded checksum.
     */
    public static List<CheckpointMetadata> provenance(Path dir) {
        List<CheckpointMetadata> chain = new ArrayList<>();
        Path current = dir;
        CheckpointMetadata m = readMetadata(current);
        chain.add(m);
        while (m.parent() != null) {
            Path p = Path.of(m.parent().location());
            if (!p.isAbsolute() && !Files.isDirectory(p)) {
                p = current.toAbsolutePath().getParent().resolve(p);
            }
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("parent checkpoint " + m.parent().id() + " of " + current
                        + " not found at " + m.parent().location());
            }
            CheckpointMetadata parent = readMetadata(p);
            if (!parent.parameterChecksum().equals(m.parent().parameterChecksum())) {
                throw new IllegalArgumentException("parent checkpoint at " + p + " has checksum "
                        + parent.parameterChecksum() + ", but " + current + " records " + m.parent().parameterChecksum());
            }
            chain.add(parent);
            if (chain.size() > 1000) {
                throw new IllegalArgumentException("provenance chain of " + dir + " is cyclic");
            }
            current = p;
            m = parent;
        }
        return chain;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
