package org.auditdm.audit.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.config.AuditConfig;
import org.auditdm.audit.config.AuditConfigLoader;
import org.auditdm.audit.connect.AuditModels;
import org.auditdm.audit.policy.AuditorPolicy;
import org.auditdm.audit.policy.PolicyAuditor;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.audit.remote.AuditorPrompt;
import org.auditdm.audit.remote.ServedAuditor;
import org.auditdm.audit.run.RunJson;
import org.auditdm.connectors.CallStats;
import org.auditdm.connectors.ChatCompletionsServer;
import org.auditdm.connectors.TargetFactory;
import org.auditdm.world.question.AnswerSpace;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP path end to end: tiny zoo models (and the auditor) served by {@link ChatCompletionsServer} on
 * loopback and audited through the connectors' OpenAI-compatible targets give exactly the findings of the
 * in-process audit with the same seed; the API key never reaches the run directory; calls.json counts the
 * calls, and a rerun with the response cache makes no call.
 */
class HttpParityTest {
    private static final String KEY_ENV = "AUDITDM_PARITY_KEY";
    private static final String SECRET = "sk-parity-9f8e7d6c5b4a-SECRET";

    private static ZooModel target;
    private static ZooModel refA;
    private static ZooModel refB;
    private static PolicyCheckpoint.Loaded baseCheckpoint;
    private static AuditorPolicy base;
    private static ChatCompletionsServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() {
        QuestionVocabulary q = QuestionVocabulary.build(List.of("what colour is the star?", "how many red circles are there?",
                "is there a small blue square?", "what does the sign say?", "what time does the clock show?"), 1, 4096);
        AnswerVocabulary a = new AnswerVocabulary(AnswerSpace.answers());
        target = ZooModel.initialise("tiny:S", ModelSpec.TINY_FILM, q, a, 1);
        refA = ZooModel.initialise("tiny:M", ModelSpec.TINY_FILM, q, a, 2);
        refB = ZooModel.initialise("tiny:L", ModelSpec.TINY_FILM, q, a, 2);
        // The committed base auditor (2 MB) writes mostly valid world text, so discovery has findings to compare;
        // tests run in audit/, the models live at the repository root.
        baseCheckpoint = PolicyCheckpoint.load(Path.of("..", "models", "auditor", "base"));
        base = baseCheckpoint.policy();
        Map<String, VisionLanguageModel> served = new LinkedHashMap<>();
        served.put("tiny:S", target);
        served.put("tiny:M", refA);
        served.put("tiny:L", refB);
        served.put("auditor", new ServedAuditor(new PolicyAuditor("auditor:base", base, 1.0)));
        server = ChatCompletionsServer.start(served, ChatCompletionsServer.Options.defaults());
    }

    @AfterAll
    static void close() {
        server.close();
        target.close();
        refA.close();
        refB.close();
        baseCheckpoint.close();
    }

    private static final String MIN_CONFIDENCE = "0.005";

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private Map<String, String> tiny(Path out) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("seeds", "3");
        f.put("steps", "1");
        f.put("samplesPerSeed", "2");
        f.put("groupSize", "2");
        f.put("output", out.toString());
        // The untrained tiny references are rarely sure of anything: 0.005 keeps some disagreements and drops
        // others, so parity needs each answer's probability to cross the wire (logprobs).
        f.put("minConfidence", MIN_CONFIDENCE);
        return f;
    }

    private Path configFile(Path cache, boolean httpAuditor) throws Exception {
        StringBuilder targets = new StringBuilder();
        for (String name : List.of("tiny:S", "tiny:M", "tiny:L", "auditor")) {
            if (targets.length() > 0) {
                targets.append(",");
            }
            targets.append("{\"name\": \"").append(name).append("\", \"kind\": \"openai\", \"model\": \"").append(name)
                    .append("\", \"baseUrl\": \"").append(server.baseUrl()).append("\", \"apiKeyEnv\": \"")
                    .append(KEY_ENV).append("\", \"cache\": \"").append(cache.resolve(name.replace(':', '-') + ".jsonl"))
                    .append("\", \"maxAttempts\": 2, \"logprobs\": true}");
        }
        Path f = tmp.resolve(httpAuditor ? "http-auditor.json" : "http.json");
        Files.writeString(f, "{\"target\": \"tiny:S\", \"references\": [\"tiny:M\", \"tiny:L\"], "
                + (httpAuditor ? "\"auditor\": \"http:auditor\", " : "") + "\"targets\": [" + targets + "]}");
        return f;
    }

    private AuditRunner.Summary inProcess(Path out, boolean promptAuditor) {
        return inProcess(out, promptAuditor, MIN_CONFIDENCE);
    }

    private AuditRunner.Summary inProcess(Path out, boolean promptAuditor, String minConfidence) {
        Map<String, String> flags = tiny(out);
        flags.put("minConfidence", minConfidence);
        AuditConfig c = AuditConfigLoader.load(null, flags);
        AuditRunner r = new AuditRunner(c, new AuditRunner.Models(target, List.of(refA, refB), Map.of()), base, null,
                CLOCK, tmp);
        if (promptAuditor) {
            r = r.withPromptAuditor(new PolicyAuditor("auditor:http:auditor", base, 1.0));
        }
        return r.run(new AuditRunner.Listener() { });
    }

    private record HttpRun(AuditRunner.Summary summary, List<CallStats> stats) {
    }

    private HttpRun overHttp(Path out, Path cache, boolean httpAuditor) throws Exception {
        AuditConfig c = AuditConfigLoader.load(configFile(cache, httpAuditor), tiny(out));
        TargetFactory factory = new TargetFactory(Map.of(KEY_ENV, SECRET)::get, null, d -> { });
        try (AuditModels m = AuditModels.open(c, factory, name -> {
            throw new AssertionError("no zoo model is loaded in process: " + name);
        })) {
            AuditRunner r = new AuditRunner(c, new AuditRunner.Models(m.target(), m.references(), m.checksums()), base,
                    null, CLOCK, tmp);
            if (httpAuditor) {
                r = r.withPromptAuditor(m.httpAuditor(AuditorPrompt.Language.WORLD));
            }
            AuditRunner.Summary s = r.run(new AuditRunner.Listener() { });
            List<CallStats> stats = m.callStats();
            AuditModels.writeCalls(s.runDir(), stats);
            return new HttpRun(s, stats);
        }
    }

    private static String findings(Path run) throws Exception {
        return Files.readString(run.resolve("findings.jsonl"));
    }

    @Test
    void servedModelsGiveTheInProcessFindingsKeepTheKeySecretAndCountCalls() throws Exception {
        AuditRunner.Summary local = inProcess(tmp.resolve("local"), false);
        HttpRun http = overHttp(tmp.resolve("http"), tmp.resolve("cache"), false);

        assertThat(local.findings()).isPositive()
                .isLessThan(inProcess(tmp.resolve("local-any-confidence"), false, "0").findings());
        assertThat(findings(http.summary().runDir())).isEqualTo(findings(local.runDir()));
        assertThat(http.summary().rewardCurve()).isEqualTo(local.rewardCurve());
        assertThat(http.summary().measures()).isEqualTo(local.measures());

        // The key was sent (the server ignores it) but is nowhere in the run directory.
        try (Stream<Path> files = Files.walk(http.summary().runDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(SECRET);
            }
        }
        String manifest = Files.readString(http.summary().runDir().resolve("manifest.json"));
        assertThat(manifest).contains(KEY_ENV).contains("\"tiny:S\"");

        // calls.json: every request answered by one call, no failure, no cache hit on the first run.
        JsonNode calls = RunJson.mapper().readTree(http.summary().runDir().resolve("calls.json").toFile());
        assertThat(calls.get("models")).hasSize(3);
        for (CallStats s : http.stats()) {
            assertThat(s.requests()).as(s.targetId()).isPositive();
            assertThat(s.calls()).isEqualTo(s.answered());
            assertThat(s.failures()).isZero();
            assertThat(s.requests()).isEqualTo(s.cacheHits() + s.answered());
        }
        long requests = http.stats().stream().mapToLong(CallStats::requests).sum();
        assertThat(calls.get("totals").get("requests").asLong()).isEqualTo(requests);

        // A fresh run with the same config answers everything from the response cache: no call at all.
        long servedBefore = server.served();
        HttpRun again = overHttp(tmp.resolve("http-again"), tmp.resolve("cache"), false);
        assertThat(findings(again.summary().runDir())).isEqualTo(findings(local.runDir()));
        assertThat(server.served()).isEqualTo(servedBefore);
        for (CallStats s : again.stats()) {
            assertThat(s.calls()).isZero();
            assertThat(s.cacheHits()).isEqualTo(s.requests()).isPositive();
        }
    }

    @Test
    void anAuditorOverHttpProposesWhatItProposesInProcess() throws Exception {
        AuditRunner.Summary local = inProcess(tmp.resolve("local-auditor"), true);
        HttpRun http = overHttp(tmp.resolve("http-auditor"), tmp.resolve("cache-auditor"), true);
        assertThat(local.rewardCurve()).isEmpty(); // prompt-only: no RL
        assertThat(findings(http.summary().runDir())).isEqualTo(findings(local.runDir()));
        assertThat(http.summary().measures()).isEqualTo(local.measures());
        assertThat(http.stats()).extracting(CallStats::targetId).contains("auditor:http:auditor");
        CallStats auditor = http.stats().stream().filter(s -> s.targetId().equals("auditor:http:auditor")).findFirst()
                .orElseThrow();
        assertThat(auditor.answered()).isPositive();
    }
}
