package org.auditdm.connectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.auditdm.api.Answer;
import org.auditdm.api.Capabilities;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.TargetCallException.Reason;

/**
 * Makes any model safe to call many times: answers come from the {@link ResponseCache} when known; at most
 * {@link Options#maxConcurrency} calls are in flight (one semaphore per target, shared by every caller);
 * retryable failures (HTTP 429 and 5xx, timeouts, broken connections, unreadable replies) are retried with
 * exponential backoff and jitter, or after the server's {@code Retry-After} when it sent one; a question
 * that finally fails raises {@link TargetCallException}. {@link #stats()} counts everything.
 *
 * <p>Jitter is deterministic: it is drawn from a hash of the seed, the cache key and the attempt number, so
 * the same run waits the same delays whatever the thread interleaving.
 */
public final class ResilientTarget implements VisionLanguageModel, AutoCloseable {
    /**
     * How a {@link ResilientTarget} calls its model.
     *
     * @param maxConcurrency most calls in flight at once (at least 1)
     * @param maxAttempts most attempts per question, the first included (at least 1; 1 = no retries)
     * @param initialBackoff wait before the first retry; doubled for each further retry
     * @param maxBackoff longest computed wait
     * @param maxRetryAfter longest wait accepted from a server's Retry-After (longer requests are capped)
     * @param jitter fraction of each computed wait that is random, in [0, 1]: the wait is drawn from
     *     {@code [backoff * (1 - jitter), backoff]}
     * @param seed seed for the jitter
     */
    public record Options(int maxConcurrency, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                          Duration maxRetryAfter, double jitter, long seed) {
        public Options {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("field 'maxConcurrency' must be at least 1, got " + maxConcurrency);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("field 'maxAttempts' must be at least 1, got " + maxAttempts);
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("backoff durations must not be negative");
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("field 'jitter' must be in [0, 1], got " + jitter);
            }
        }

        /** 4 in flight, 5 attempts, backoff 1 s doubling to at most 60 s, Retry-After up to 120 s, jitter 0.5. */
        public static Options defaults() {
            return new Options(4, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(120), 0.5, 0);
        }

        public Options withMaxConcurrency(int n) {
            return new Options(n, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, jitter, seed);
        }

        public Options withMaxAttempts(int n) {
            return new Options(maxConcurrency, n, initialBackoff, maxBackoff, maxRetryAfter, jitter, seed);
        }
    }

    /** One question's result from {@link #answerEach}: an answer or the failure, never both. */
    public record Outcome(Answer answer, TargetCallException error) {
        public Outcome {
            if ((answer == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of answer and error");
            }
        }

        public boolean ok() {
            return answer != null;
        }
    }

    private final VisionLanguageModel delegate;
    private final String settingsKey;
    private final Options options;
    private final ResponseCache cache;
    private final Sleeper sleeper;
    private final Semaphore permits;
    private final Counters counters = new Counters();
    private ExecutorService pool;

    /**
     * @param delegate the model called
     * @param settingsKey the delegate's id and every setting that can change its answers: the cache key's
     *     target part (so changing a setting never reuses stale answers)
     * @param options concurrency and retry policy
     * @param cache where answers persist ({@link ResponseCache#none()} for none); not closed by this class
     * @param sleeper how to wait between attempts
     */
    public ResilientTarget(VisionLanguageModel delegate, String settingsKey, Options options, ResponseCache cache,
                           Sleeper sleeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settingsKey = Objects.requireNonNull(settingsKey, "settingsKey");
        this.options = Objects.requireNonNull(options, "options");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.permits = new Semaphore(options.maxConcurrency(), true);
    }

    /** Wraps {@code delegate} with default options, no cache and real sleeping. */
    public static ResilientTarget of(VisionLanguageModel delegate) {
        return new ResilientTarget(delegate, delegate.id(), Options.defaults(), ResponseCache.none(), Sleeper.SYSTEM);
    }

    @Override
    public String id() {
        return delegate.id();
    }

    public VisionLanguageModel delegate() {
        return delegate;
    }

    public Options options() {
        return options;
    }

    @Override
    public Capabilities capabilities() {
        Capabilities c = delegate.capabilities();
        return new Capabilities(Math.max(c.maxBatch(), options.maxConcurrency()), c.probabilities(), c.deterministic());
    }

    /** Counts so far. */
    public CallStats stats() {
        return counters.snapshot(id());
    }

    /** Answers one question (from the cache if known), or throws {@link TargetCallException}. */
    @Override
    public Answer answer(VisualQuestion question) {
        counters.requests.incrementAndGet();
        String key = ResponseCache.key(settingsKey, question.image().sha256(), question.question());
        Optional<Answer> cached = cache.get(key);
        if (cached.isPresent()) {
            counters.cacheHits.incrementAndGet();
            return cached.get();
        }
        Answer a = callWithRetries(question, key);
        cache.put(key, id(), question.image().sha256(), question.question(), a);
        return a;
    }

    /**
     * Answers all questions with up to {@code maxConcurrency} in flight; the result is in input order. Every
     * question is tried (and every answer cached) before the first failure, by position, is thrown.
     */
    @Override
    public List<Answer> answerAll(List<VisualQuestion> questions) {
        List<Outcome> outcomes = answerEach(questions);
        List<Answer> out = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            if (!o.ok()) {
                throw o.error();
            }
            out.add(o.answer());
        }
        return out;
    }

    /** Like {@link #answerAll} but reports each question's failure in place instead of throwing. */
    public List<Outcome> answerEach(List<VisualQuestion> questions) {
        if (questions.size() <= 1 || options.maxConcurrency() == 1) {
            List<Outcome> out = new ArrayList<>(questions.size());
            for (VisualQuestion q : questions) {
                out.add(outcome(q));
            }
            return out;
        }
        ExecutorService p = pool();
        List<Future<Outcome>> futures = new ArrayList<>(questions.size());
        for (VisualQuestion q : questions) {
            futures.add(p.submit(() -> outcome(q)));
        }
        List<Outcome> out = new ArrayList<>(questions.size());
        boolean interrupted = false;
        for (Future<Outcome> f : futures) {
            while (true) {
                try {
                    out.add(f.get());
                    break;
                } catch (InterruptedException e) {
                    // Keep collecting: the tasks finish by themselves (bounded by attempts and timeouts).
                    interrupted = true;
                } catch (ExecutionException e) {
                    out.add(new Outcome(null, Failures.translate(id(), e.getCause())));
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private Outcome outcome(VisualQuestion q) {
        try {
            return new Outcome(answer(q), null);
        } catch (TargetCallException e) {
            return new Outcome(null, e);
        }
    }

    private Answer callWithRetries(VisualQuestion question, String key) {
        for (int attempt = 1; ; attempt++) {
            TargetCallException failure;
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counters.failures.incrementAndGet();
                throw TargetCallException.of(id(), Reason.INTERRUPTED, 0, null, "interrupted").afterAttempts(attempt - 1);
            }
            try {
                counters.calls.incrementAndGet();
                Answer a = delegate.answer(question);
                counters.answered.incrementAndGet();
                return a;
            } catch (RuntimeException e) {
                counters.failedCalls.incrementAndGet();
                failure = Failures.translate(id(), e);
            } finally {
                permits.release();
            }
            if (!failure.retryable() || attempt >= options.maxAttempts()) {
                counters.failures.incrementAndGet();
                throw failure.afterAttempts(attempt);
            }
            counters.retries.incrementAndGet();
            try {
                sleeper.sleep(delay(failure, key, attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counters.failures.incrementAndGet();
                throw TargetCallException.of(id(), Reason.INTERRUPTED, 0, null, "interrupted while waiting to retry")
                        .afterAttempts(attempt);
            }
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based): the server's Retry-After (capped at
     * {@code maxRetryAfter}) if it sent one, else {@code initialBackoff * 2^(attempt-1)}, capped at
     * {@code maxBackoff}, minus a jittered fraction.
     */
    Duration delay(TargetCallException failure, String key, int attempt) {
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isPresent()) {
            Duration d = asked.get();
            return d.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : d;
        }
        long base = options.initialBackoff().toMillis();
        long cap = options.maxBackoff().toMillis();
        long backoff = attempt - 1 >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 30));
        double u = unit(mix(options.seed() ^ key.hashCode() * 0x632BE59BD9B4E019L ^ mix(attempt)));
        return Duration.ofMillis(Math.round(backoff * (1 - options.jitter() * u)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(options.maxConcurrency(), r -> {
                Thread t = new Thread(r, "auditdm-target-" + id() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Stops the worker threads (the delegate and the cache are not closed). */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }

    @Override
    public String toString() {
        return "ResilientTarget[" + delegate + ", " + options + "]";
    }

    private static final class Counters {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong cacheHits = new AtomicLong();
        final AtomicLong calls = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong failedCalls = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong failures = new AtomicLong();

        CallStats snapshot(String id) {
            return new CallStats(id, requests.get(), cacheHits.get(), calls.get(), answered.get(), failedCalls.get(),
                    retries.get(), failures.get());
        }
    }
}
