package org.auditdm.audit.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code manifest.json}: everything needed to know what a run was and to redo it.
 *
 * @param formatVersion version of the run directory format ({@value #FORMAT_VERSION})
 * @param created ISO-8601 instant from the injected clock
 * @param projectVersion auditdm's version
 * @param git code version and dirty flag (best effort)
 * @param jdk Java version and vendor
 * @param os operating system, version and architecture
 * @param djl DJL version, or "unknown"
 * @param models model id to checkpoint checksum (target, references, auditor)
 * @param config the full resolved configuration
 * @param seeds where the seeds come from (pool seed and range, or the explicit seed ids)
 * @param seed the run's random seed
 */
public record RunManifest(int formatVersion, String runId, String created, String projectVersion, GitState git,
                          String jdk, String os, String djl, Map<String, String> models, JsonNode config,
                          JsonNode seeds, long seed) {
    public static final int FORMAT_VERSION = 1;

    public RunManifest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(seeds, "seeds");
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported run format version " + formatVersion
                    + " (this auditdm reads 1 to " + FORMAT_VERSION + ")");
        }
        if (!runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("run id may hold only letters, digits, '.', '_' and '-', got '" + runId + "'");
        }
        models = java.util.Collections.unmodifiableMap(new TreeMap<>(models));
        config = canonical(config);
        seeds = canonical(seeds);
    }

    /** JSON as it reads back from text, so a manifest equals its own reloaded copy (int vs long nodes). */
    private static JsonNode canonical(JsonNode n) {
        try {
            return RunJson.mapper().readTree(RunJson.mapper().writeValueAsString(n));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A manifest for a new run, describing this JVM and the code in {@code gitDir}.
     *
     * @param models model id to checkpoint checksum
     */
    public static RunManifest describe(String runId, Clock clock, Map<String, String> models, JsonNode config,
                                       JsonNode seeds, long seed, Path gitDir) {
        return new RunManifest(FORMAT_VERSION, runId, clock.instant().toString(), currentProjectVersion(), GitState.of(gitDir),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                djlVersion(), models, config, seeds, seed);
    }

    /** Whether {@code other} describes the same work: same config, seeds, seed and models. */
    public boolean sameWork(RunManifest other) {
        return config.equals(other.config) && seeds.equals(other.seeds) && seed == other.seed
                && models.equals(other.models);
    }

    /** auditdm's version from the build, or "unknown". */
    public static String currentProjectVersion() {
        try (InputStream in = RunManifest.class.getResourceAsStream("project.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The PyTorch thread setting this JVM runs with. Results are reproducible for the same config, seed and
     * thread setting: float sums in several threads round differently, and over hundreds of GRPO steps a
     * rounding difference can flip one sampled token.
     */
    static String pytorchThreads() {
        String intra = System.getProperty("ai.djl.pytorch.num_threads");
        String omp = System.getenv("OMP_NUM_THREADS");
        String setting = intra != null ? intra + " (ai.djl.pytorch.num_threads)"
                : omp != null ? omp + " (OMP_NUM_THREADS)"
                : "default (" + Runtime.getRuntime().availableProcessors() + " processors)";
        return "PyTorch threads " + setting;
    }

    private static String djlVersion() {
        try {
            // The DJL library version needs no native engine; loading PyTorch just for the manifest would be slow.
            return "djl " + ai.djl.engine.Engine.getDjlVersion() + "; " + pytorchThreads();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }
}
