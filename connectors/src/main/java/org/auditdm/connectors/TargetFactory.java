package org.auditdm.connectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.auditdm.api.VisionLanguageModel;

/**
 * Turns {@link TargetSpec}s into models. Every kind but {@code zoo} is wrapped in a {@link ResilientTarget}
 * (bounded concurrency, retries, the spec's response cache). Zoo models are loaded by a function the caller
 * provides, so that this module does not depend on DJL; the CLI passes one.
 */
public final class TargetFactory implements AutoCloseable {
    private final Function<String, String> environment;
    private final Function<String, VisionLanguageModel> zooLoader;
    private final Sleeper sleeper;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /**
     * @param environment reads environment variables ({@code System::getenv} in production)
     * @param zooLoader loads a zoo model from a preset or checkpoint directory; {@code null} if unavailable
     * @param sleeper how resilient targets wait between attempts
     */
    public TargetFactory(Function<String, String> environment, Function<String, VisionLanguageModel> zooLoader,
                         Sleeper sleeper) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.zooLoader = zooLoader;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Reads the real environment and sleeps for real. */
    public static TargetFactory system(Function<String, VisionLanguageModel> zooLoader) {
        return new TargetFactory(System::getenv, zooLoader, Sleeper.SYSTEM);
    }

    /** The model for {@code spec}; configuration errors are {@link IllegalArgumentException}s naming the field. */
    public VisionLanguageModel create(TargetSpec spec) {
        if (spec.kind().equals("zoo")) {
            if (zooLoader == null) {
                throw new IllegalArgumentException("target spec 'zoo': zoo models can only be loaded where the zoo "
                        + "module is present (the auditdm command line)");
            }
            return zooLoader.apply(spec.model());
        }
        VisionLanguageModel raw = switch (spec.kind()) {
            case "openai" -> new OpenAiCompatibleTarget(remote(spec), key(spec), secretHeaders(spec));
            case "ollama" -> new OllamaTarget(remote(spec));
            case "gemini" -> new GeminiTarget(remote(spec), key(spec));
            case "command" -> new CommandTarget(spec.id(), spec.command(), spec.effectiveTimeout());
            default -> throw new IllegalStateException(spec.kind());
        };
        ResponseCache cache = spec.cache() == null ? ResponseCache.none() : ResponseCache.open(Path.of(spec.cache()));
        ResilientTarget t = new ResilientTarget(raw, spec.settingsKey(), spec.resilience(), cache, sleeper);
        synchronized (opened) {
            opened.add(t);
            opened.add(cache);
        }
        return t;
    }

    /** Models for several specs, by id; ids must be distinct. */
    public Map<String, VisionLanguageModel> createAll(List<TargetSpec> specs) {
        Map<String, VisionLanguageModel> out = new LinkedHashMap<>();
        for (TargetSpec s : specs) {
            if (out.containsKey(s.id())) {
                throw new IllegalArgumentException("two targets share the id '" + s.id() + "': set field 'name'");
            }
            out.put(s.id(), create(s));
        }
        return out;
    }

    private static RemoteSettings remote(TargetSpec s) {
        return new RemoteSettings(s.id(), s.effectiveBaseUrl(), s.model(), s.headers(), s.effectiveMaxTokens(),
                s.effectiveTimeout(), s.instruction(), s.effectiveLogprobs());
    }

    private Secret key(TargetSpec s) {
        String env = s.effectiveApiKeyEnv();
        return env == null ? null : Secret.fromEnv(env, environment, "apiKeyEnv");
    }

    private Map<String, Secret> secretHeaders(TargetSpec s) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (s.headerEnv() != null) {
            s.headerEnv().forEach((h, env) -> out.put(h, Secret.fromEnv(env, environment, "headerEnv")));
        }
        return out;
    }

    /** Closes the resilient targets' threads and the caches opened by {@link #create}. */
    @Override
    public void close() {
        synchronized (opened) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing is best effort; caches flush on every write
                }
            }
            opened.clear();
        }
    }
}
