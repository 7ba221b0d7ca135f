package org.auditdm.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.TargetCallException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted fault-injecting OpenAI-compatible server behind {@link ResilientTarget}. */
class ResilienceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each question's scripted replies, in order; the last one repeats. */
    private static final Map<String, List<String>> SCRIPT = Map.of(
            "q0 ok", List.of("ok"),
            "q1 rate limited", List.of("429", "ok"),
            "q2 two 500s", List.of("500", "500", "ok"),
            "q3 slow", List.of("slow", "ok"),
            "q4 malformed", List.of("malformed", "ok"),
            "q5 always 503", List.of("503"),
            "q6 bad request", List.of("400"));

    /** A server following {@link #SCRIPT} per question, counting calls per question. */
    static final class ScriptedServer implements AutoCloseable {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final FakeServer server = new FakeServer(req -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                String q = JSON.readTree(req.body()).at("/messages/0/content/1/text").asText();
                int n = calls.computeIfAbsent(q, k -> new AtomicInteger()).getAndIncrement();
                List<String> steps = SCRIPT.getOrDefault(q, List.of("ok"));
                String step = steps.get(Math.min(n, steps.size() - 1));
                Thread.sleep(20); // overlap requests so that the concurrency bound is exercised
                return switch (step) {
                    case "429" -> new FakeServer.Reply(429, Map.of("Retry-After", "7"),
                            "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}", 0);
                    case "500", "503" -> FakeServer.Reply.json(Integer.parseInt(step),
                            "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
                    case "400" -> FakeServer.Reply.json(400, "{\"error\":{\"message\":\"bad\",\"type\":\"invalid\"}}");
                    case "slow" -> new FakeServer.Reply(200, Map.of(), FakeServer.completion("late"), 1500);
                    case "malformed" -> FakeServer.Reply.json(200, "{\"choices\": [ {\"message\": ");
                    default -> FakeServer.Reply.json(200, FakeServer.completion("answer to " + q.substring(0, 2)));
                };
            } catch (Exception e) {
                return FakeServer.Reply.json(599, "{}");
            } finally {
                inFlight.decrementAndGet();
            }
        });

        int callsFor(String q) {
            AtomicInteger n = calls.get(q);
            return n == null ? 0 : n.get();
        }

        int totalCalls() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static OpenAiCompatibleTarget target(String url, Duration timeout) {
        return new OpenAiCompatibleTarget(new RemoteSettings("openai:scripted", url + "/v1", "scripted", Map.of(), 8,
                timeout, null), null, Map.of());
    }

    static List<VisualQuestion> scriptedQuestions() {
        List<String> names = new ArrayList<>(SCRIPT.keySet());
        Collections.sort(names);
        List<VisualQuestion> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new VisualQuestion(Fixtures.picture(i, 8), names.get(i)));
        }
        return out;
    }

    static final class RecordingSleeper implements Sleeper {
        final ConcurrentLinkedQueue<Duration> waits = new ConcurrentLinkedQueue<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    @Test
    void aFaultyBatchRecoversWhatCanBeRecoveredAndCountsEveryCallOnce() {
        ResilientTarget.Options opts = ResilientTarget.Options.defaults().withMaxConcurrency(3).withMaxAttempts(4);
        RecordingSleeper sleeper = new RecordingSleeper();
        List<VisualQuestion> qs = scriptedQuestions();
        try (ScriptedServer s = new ScriptedServer();
             ResilientTarget t = new ResilientTarget(target(s.server.url(), Duration.ofMillis(500)), "scripted", opts,
                     ResponseCache.none(), sleeper)) {
            List<ResilientTarget.Outcome> out = t.answerEach(qs);
            assertThat(out).hasSize(qs.size());
            for (int i = 0; i < 5; i++) {
                assertThat(out.get(i).ok()).as(qs.get(i).question() + ": " + out.get(i).error()).isTrue();
                assertThat(out.get(i).answer().text()).isEqualTo("answer to q" + i);
            }
            TargetCallException exhausted = out.get(5).error();
            assertThat(exhausted.reason()).isEqualTo(Reason.SERVER_ERROR);
            assertThat(exhausted.statusCode()).isEqualTo(503);
            assertThat(exhausted.attempts()).isEqualTo(4);
            TargetCallException fatal = out.get(6).error();
            assertThat(fatal.reason()).isEqualTo(Reason.CLIENT_ERROR);
            assertThat(fatal.attempts()).isEqualTo(1);

            int[] expectedCalls = {1, 2, 3, 2, 2, 4, 1};
            for (int i = 0; i < qs.size(); i++) {
                assertThat(s.callsFor(qs.get(i).question())).as(qs.get(i).question()).isEqualTo(expectedCalls[i]);
            }
            CallStats st = t.stats();
            assertThat(st).isEqualTo(new CallStats("openai:scripted", 7, 0, 15, 5, 10, 8, 2));
            assertThat(st.calls()).isEqualTo(s.totalCalls());
            assertThat(st.requests()).isEqualTo(st.cacheHits() + st.answered() + st.failures());
            assertThat(st.failedCalls()).isEqualTo(st.retries() + st.failures());
            assertThat(s.maxInFlight.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
            // Retry-After: 7 was honoured exactly; computed backoffs stay within [0.5 s, 4 s].
            assertThat(sleeper.waits).hasSize(8).contains(Duration.ofSeconds(7));
            assertThat(sleeper.waits.stream().filter(d -> !d.equals(Duration.ofSeconds(7))))
                    .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofSeconds(4)));

            assertThatThrownBy(() -> t.answerAll(qs)).isInstanceOf(TargetCallException.class)
                    .hasMessageContaining("503");
        }
    }

    @Test
    void backoffDoublesWithBoundedDeterministicJitter() {
        ResilientTarget.Options o = new ResilientTarget.Options(2, 10, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 0.5, 42);
        ResilientTarget t = new ResilientTarget(new Fixtures.HashModel("h", 0), "h", o, ResponseCache.none(),
                d -> { });
        TargetCallException e = TargetCallException.of("h", Reason.SERVER_ERROR, 500, null, "x");
        long[] upper = {100, 200, 400, 800, 1000, 1000};
        for (int a = 1; a <= upper.length; a++) {
            Duration d = t.delay(e, "k", a);
            assertThat(d.toMillis()).isBetween(upper[a - 1] / 2, upper[a - 1]);
            assertThat(t.delay(e, "k", a)).isEqualTo(d);
        }
        assertThat(t.delay(TargetCallException.of("h", Reason.RATE_LIMITED, 429, Duration.ofSeconds(60), "x"), "k", 1))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRerunIsServedFromTheCacheWithoutRemoteCalls(@TempDir Path dir) throws Exception {
        for (Path cachePath : List.of(dir.resolve("answers.jsonl"), dir.resolve("answers-dir"))) {
            List<VisualQuestion> qs = scriptedQuestions().subList(0, 5);
            try (ScriptedServer s = new ScriptedServer()) {
                List<String> first;
                try (ResponseCache cache = ResponseCache.open(cachePath);
                     ResilientTarget t = new ResilientTarget(target(s.server.url(), Duration.ofMillis(500)), "k",
                             ResilientTarget.Options.defaults(), cache, d -> { })) {
                    first = t.answerAll(qs).stream().map(a -> a.text()).toList();
                    assertThat(t.stats().cacheHits()).isZero();
                }
                int callsAfterFirst = s.totalCalls();
                assertThat(callsAfterFirst).isEqualTo(1 + 2 + 3 + 2 + 2);
                try (ResponseCache cache = ResponseCache.open(cachePath);
                     ResilientTarget t = new ResilientTarget(target(s.server.url(), Duration.ofMillis(500)), "k",
                             ResilientTarget.Options.defaults(), cache, d -> { })) {
                    assertThat(cache.size()).isEqualTo(5);
                    assertThat(t.answerAll(qs).stream().map(a -> a.text()).toList()).isEqualTo(first);
                    assertThat(t.stats()).isEqualTo(new CallStats("openai:scripted", 5, 5, 0, 0, 0, 0, 0));
                }
                assertThat(s.totalCalls()).isEqualTo(callsAfterFirst);
                // Other settings are another target: no stale answers.
                try (ResponseCache cache = ResponseCache.open(cachePath);
                     ResilientTarget t = new ResilientTarget(target(s.server.url(), Duration.ofMillis(500)), "k2",
                             ResilientTarget.Options.defaults(), cache, d -> { })) {
                    t.answer(qs.get(0));
                    assertThat(t.stats().cacheHits()).isZero();
                }
            }
        }
    }

    @Test
    void aJsonlCacheCutShortByACrashLosesOnlyTheCutLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.jsonl");
        try (JsonlResponseCache c = JsonlResponseCache.open(f)) {
            c.put("k1", "t", "img", "q1", org.auditdm.api.Answer.of("red"));
            c.put("k2", "t", "img", "q2", new org.auditdm.api.Answer("3", 0.25));
        }
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() - 10));
        try (JsonlResponseCache c = JsonlResponseCache.open(f)) {
            assertThat(c.skippedLines()).isEqualTo(1);
            assertThat(c.get("k1")).contains(org.auditdm.api.Answer.of("red"));
            assertThat(c.get("k2")).isEmpty();
            c.put("k2", "t", "img", "q2", new org.auditdm.api.Answer("3", 0.25));
        }
        try (JsonlResponseCache c = JsonlResponseCache.open(f)) {
            assertThat(c.get("k2")).contains(new org.auditdm.api.Answer("3", 0.25));
            assertThat(c.size()).isEqualTo(2);
        }
    }

    @Test
    void cacheKeysSeparateEveryPart() {
        String k = ResponseCache.key("t", "img", "q");
        assertThat(k).hasSize(64).isNotEqualTo(ResponseCache.key("t", "img", "q2"))
                .isNotEqualTo(ResponseCache.key("t2", "img", "q")).isNotEqualTo(ResponseCache.key("t", "img2", "q"))
                .isEqualTo(ResponseCache.key("t", "img", "q"));
        assertThat(ResponseCache.key("ab", "c", "q")).isNotEqualTo(ResponseCache.key("a", "bc", "q"));
    }

    @Test
    void aConnectionRefusedIsRetriedThenReported() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RecordingSleeper sleeper = new RecordingSleeper();
        try (ResilientTarget t = new ResilientTarget(target("http://127.0.0.1:" + port, Duration.ofSeconds(2)), "k",
                ResilientTarget.Options.defaults().withMaxAttempts(3), ResponseCache.none(), sleeper)) {
            assertThatThrownBy(() -> t.answer(scriptedQuestions().get(0)))
                    .isInstanceOfSatisfying(TargetCallException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.CONNECTION);
                        assertThat(e.attempts()).isEqualTo(3);
                    });
            assertThat(sleeper.waits).hasSize(2);
        }
    }
}
