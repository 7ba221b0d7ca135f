package org.auditdm.audit.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditdm.api.Auditor;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.remote.AuditorPrompt;
import org.auditdm.audit.remote.ChatAuditor;
import org.auditdm.audit.run.RunJson;
import org.auditdm.connectors.CallStats;
import org.auditdm.connectors.ResilientTarget;
import org.auditdm.connectors.TargetFactory;
import org.auditdm.connectors.TargetSpec;
import org.auditdm.zoo.checkpoint.Checkpoints;

/**
 * The models of one audit, resolved from its config: the target and each reference are either a target spec
 * declared in {@code targets} (by name; remote and command kinds go through the connectors, so with bounded
 * concurrency, retries, the response cache and call counts) or a zoo preset / checkpoint directory. With
 * {@code auditor = http:NAME}, the named spec also becomes a prompt-only {@link ChatAuditor}.
 *
 * <p>No secret is ever held outside the connectors: specs name environment variables, and checksums of spec
 * targets are hashes of their {@linkplain TargetSpec#settingsKey() settings}, which hold no keys.
 */
public final class AuditModels implements AutoCloseable {
    /** Loads a zoo checkpoint from a preset name (S, M, L) or a directory. */
    @FunctionalInterface
    public interface ZooLoader {
        Checkpoints.Loaded load(String name);
    }

    /** Tokens the auditor's chat model may write when its spec sets none (texts are longer than answers). */
    public static final int AUDITOR_MAX_TOKENS = 64;

    private final TargetFactory factory;
    private final List<Checkpoints.Loaded> loaded = new ArrayList<>();
    private final Map<String, String> checksums = new LinkedHashMap<>();
    private final List<ResilientTarget> counted = new ArrayList<>();
    private VisionLanguageModel target;
    private final List<VisionLanguageModel> references = new ArrayList<>();
    private VisionLanguageModel auditorChat;
    private final String auditorName;

    private AuditModels(TargetFactory factory, String auditorName) {
        this.factory = factory;
        this.auditorName = auditorName;
    }

    /** Resolves every model the config names; on failure, whatever was opened is closed. */
    public static AuditModels open(AuditConfig config, TargetFactory factory, ZooLoader zoo) {
        return open(config, factory, zoo, null);
    }

    /**
     * Resolves the models the config names, except that {@code target}, when not null, is the target: a model
     * implemented in Java by the caller (the config's {@code target} should then be its id, for the manifest).
     * Its checksum is {@code java:} and its id: there are no parameters to hash, so the id is its provenance.
     */
    public static AuditModels open(AuditConfig config, TargetFactory factory, ZooLoader zoo,
                                   VisionLanguageModel target) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(zoo, "zoo");
        AuditModels m = new AuditModels(factory, config.httpAuditor()
                ? config.auditor().substring(AuditConfig.HTTP_AUDITOR.length()) : null);
        try {
            if (target != null) {
                m.target = target;
                m.checksums.put(target.id(), "java:" + target.id());
            } else {
                m.target = m.resolve(config, config.target(), zoo);
            }
            for (String r : config.references()) {
                m.references.add(m.resolve(config, r, zoo));
            }
            if (m.auditorName != null) {
                TargetSpec s = config.targetSpec(m.auditorName).orElseThrow();
                m.auditorChat = m.remember(factory.create(auditorSpec(s)));
            }
            return m;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private VisionLanguageModel resolve(AuditConfig config, String name, ZooLoader zoo) {
        var spec = config.targetSpec(name);
        if (spec.isEmpty() || spec.get().kind().equals("zoo")) {
            Checkpoints.Loaded l = zoo.load(spec.isPresent() ? spec.get().model() : name);
            loaded.add(l);
            checksums.put(l.model().id(), l.metadata().parameterChecksum());
            return l.model();
        }
        TargetSpec s = spec.get();
        checksums.put(s.id(), "spec:" + sha256(s.settingsKey()).substring(0, 16));
        return remember(factory.create(s));
    }

    private VisionLanguageModel remember(VisionLanguageModel m) {
        if (m instanceof ResilientTarget r) {
            counted.add(r);
        }
        return m;
    }

    /** The spec as an auditor uses it: no answer instruction (the prompt says everything), longer replies. */
    static TargetSpec auditorSpec(TargetSpec s) {
        return new TargetSpec(s.kind(), s.name(), s.model(), s.baseUrl(), s.apiKeyEnv(), s.headers(), s.headerEnv(),
                s.maxTokens() == null && !s.kind().equals("command") ? Integer.valueOf(AUDITOR_MAX_TOKENS) : s.maxTokens(),
                s.timeoutSeconds(), s.kind().equals("command") ? null : "", s.command(), s.cache(), s.maxConcurrency(),
                s.maxAttempts(), s.initialBackoffSeconds(), s.maxBackoffSeconds(), s.maxRetryAfterSeconds(), s.seed(),
                s.logprobs());
    }

    public VisionLanguageModel target() {
        return target;
    }

    public List<VisionLanguageModel> references() {
        return List.copyOf(references);
    }

    /** Model id to checksum (zoo parameter checksum, or {@code spec:} and a hash of a spec's settings). */
    public Map<String, String> checksums() {
        return Map.copyOf(checksums);
    }

    /** The prompt-only chat auditor, or null when the config uses the policy auditor. */
    public Auditor httpAuditor(AuditorPrompt.Language language) {
        return auditorChat == null ? null : new ChatAuditor("auditor:http:" + auditorName, auditorChat, language);
    }

    /** Counts of every connector-backed model so far (zoo models make no counted calls). */
    public List<CallStats> callStats() {
        List<CallStats> out = new ArrayList<>();
        for (ResilientTarget r : counted) {
            CallStats s = r.stats();
            out.add(r == auditorChat ? new CallStats("auditor:http:" + auditorName, s.requests(), s.cacheHits(),
                    s.calls(), s.answered(), s.failedCalls(), s.retries(), s.failures()) : s);
        }
        return out;
    }

    /** Writes {@code calls.json} into a run directory: this invocation's counts per model and in total. */
    public static Path writeCalls(Path runDir, List<CallStats> stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scope", "this invocation of the audit (a resumed run counts only its own calls)");
        doc.put("models", stats);
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("requests", stats.stream().mapToLong(CallStats::requests).sum());
        totals.put("calls", stats.stream().mapToLong(CallStats::calls).sum());
        totals.put("failedCalls", stats.stream().mapToLong(CallStats::failedCalls).sum());
        totals.put("retries", stats.stream().mapToLong(CallStats::retries).sum());
        totals.put("failures", stats.stream().mapToLong(CallStats::failures).sum());
        totals.put("cacheHits", stats.stream().mapToLong(CallStats::cacheHits).sum());
        doc.put("totals", totals);
        Path file = runDir.resolve("calls.json");
        try {
            RunJson.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** One line per model: requests, calls, failures, retries, cache hits. */
    public static List<String> describe(List<CallStats> stats) {
        List<String> out = new ArrayList<>();
        for (CallStats s : stats) {
            out.add(String.format(java.util.Locale.ROOT, "%-24s requests %d, calls %d, failed calls %d, retries %d, "
                    + "failures %d, cache hits %d", s.targetId(), s.requests(), s.calls(), s.failedCalls(), s.retries(),
                    s.failures(), s.cacheHits()));
        }
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the connectors' threads and caches and the loaded zoo checkpoints. */
    @Override
    public void close() {
        factory.close();
        loaded.forEach(Checkpoints.Loaded::close);
        loaded.clear();
    }
}
