package org.auditdm.audit.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditdm.zoo.checkpoint.ParameterFile;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.model.ParameterDef;

/**
 * Saves and loads auditor policies the zoo's way: a {@code params} file (float32, via the zoo's
 * {@link ParameterFile}, with a SHA-256 over the stored values) and {@code metadata.json} holding
 * the spec, the vocabulary, the checksum, a free-form training record and the parent checkpoint.
 */
public final class PolicyCheckpoint {
    public static final String PARAMS = "params";
    public static final String METADATA = "metadata.json";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyCheckpoint() {
    }

    /**
     * What a policy checkpoint says about itself.
     *
     * @param training how it was trained (config, steps, measured numbers), free-form
     * @param parentId id of the checkpoint it was trained from, or null
     * @param parentChecksum parameter checksum of that parent, or null
     */
    public record Metadata(int formatVersion, String id, PolicySpec spec, List<String> vocabulary, long parameterCount,
                           String parameterChecksum, Map<String, Object> training, String parentId,
                           String parentChecksum) {
        public Metadata {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(spec, "spec");
            vocabulary = List.copyOf(vocabulary);
            training = training == null ? Map.of() : Map.copyOf(training);
        }
    }

    /** A loaded policy and its metadata. */
    public record Loaded(AuditorPolicy policy, Metadata metadata) implements AutoCloseable {
        @Override
        public void close() {
            policy.close();
        }
    }

    /** Writes the policy into {@code dir} (created if needed) and returns the metadata written. */
    public static Metadata save(AuditorPolicy policy, Path dir, String id, Map<String, Object> training,
                                Metadata parent) {
        try {
            Files.createDirectories(dir);
            List<String> names = new ArrayList<>();
            List<long[]> shapes = new ArrayList<>();
            for (ParameterDef d : policy.parameters().layout().parameters()) {
                names.add(d.name());
                shapes.add(d.shape());
            }
            String checksum = ParameterFile.write(dir.resolve(PARAMS), Precision.FLOAT32, names, shapes,
                    policy.parameters().values());
            Metadata m = new Metadata(FORMAT_VERSION, id, policy.spec(), policy.vocabulary().words(),
                    policy.parameterCount(), checksum, training, parent == null ? null : parent.id(),
                    parent == null ? null : parent.parameterChecksum());
            JSON.writeValue(dir.resolve(METADATA).toFile(), m);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the auditor checkpoint " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads the metadata of a checkpoint directory. */
    public static Metadata readMetadata(Path dir) {
        Path f = dir.resolve(METADATA);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no auditor checkpoint at " + dir + " (missing " + METADATA + ")");
        }
        try {
            Metadata m = JSON.readValue(f.toFile(), Metadata.class);
            if (m.formatVersion() != FORMAT_VERSION) {
                throw new IllegalArgumentException("auditor checkpoint " + dir + " has format " + m.formatVersion()
                        + "; this build reads " + FORMAT_VERSION);
            }
            return m;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable auditor metadata " + f + ": " + e.getMessage(), e);
        }
    }

    /** Loads a policy, checking that the stored parameters match the metadata's checksum. */
    public static Loaded load(Path dir) {
        Metadata m = readMetadata(dir);
        ParameterFile.Contents c = ParameterFile.read(dir.resolve(PARAMS));
        if (!c.checksum().equals(m.parameterChecksum())) {
            throw new IllegalArgumentException("auditor checkpoint " + dir + " is corrupt: parameter checksum "
                    + c.checksum() + " differs from the metadata's " + m.parameterChecksum());
        }
        TextVocabulary vocab = new TextVocabulary(m.vocabulary());
        return new Loaded(AuditorPolicy.of(m.spec(), vocab, c.values()), m);
    }
}
