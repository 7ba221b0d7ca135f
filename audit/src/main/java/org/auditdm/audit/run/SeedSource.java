package org.auditdm.audit.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.auditdm.world.sample.Seed;
import org.auditdm.world.sample.SeedPool;

/** The seeds of a discovery run, addressed by index (the run's unit of work). */
public interface SeedSource {
    int size();

    /** Seed {@code i}, {@code 0 <= i < size()}; the same seed every time. */
    Seed get(int i);

    /** Where the seeds come from, for the manifest. */
    JsonNode describe();

    /** Seeds {@code from} to {@code from + count - 1} of a {@link SeedPool}. */
    static SeedSource pool(long poolSeed, int from, int count) {
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("seed range must be non-negative, got from " + from + ", count " + count);
        }
        SeedPool pool = new SeedPool(poolSeed);
        return new SeedSource() {
            @Override
            public int size() {
                return count;
            }

            @Override
            public Seed get(int i) {
                if (i < 0 || i >= count) {
                    throw new IndexOutOfBoundsException("seed index " + i + " outside [0, " + count + ")");
                }
                return pool.get(from + i);
            }

            @Override
            public JsonNode describe() {
                ObjectNode n = RunJson.mapper().createObjectNode();
                n.put("source", "pool");
                n.put("poolSeed", poolSeed);
                n.put("from", from);
                n.put("count", count);
                return n;
            }
        };
    }

    /** A digest of the seeds' scenes and questions, so a resume notices a changed list with the same ids. */
    private static String digest(List<Seed> seeds) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Seed s : seeds) {
                md.update((s.id() + "\n" + org.auditdm.world.scene.SceneJson.write(s.scene()) + "\n" + s.question() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An explicit list of seeds. */
    static SeedSource of(List<Seed> seeds) {
        List<Seed> copy = List.copyOf(seeds);
        return new SeedSource() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public Seed get(int i) {
                return copy.get(i);
            }

            @Override
            public JsonNode describe() {
                ObjectNode n = RunJson.mapper().createObjectNode();
                n.put("source", "list");
                n.set("ids", RunJson.mapper().valueToTree(copy.stream().map(Seed::id).toList()));
                n.put("sha256", digest(copy));
                return n;
            }
        };
    }
}
